package io.fleetdeck.app.cli;

import io.fleetdeck.app.runtime.BrokerOptions;
import io.fleetdeck.broker.config.MqttProfile;
import io.fleetdeck.broker.tls.CaKeyType;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --mqtts-port}, {@code --mqtt-port}: where the embedded broker listens; {@code --aws-quotas};
 * {@code --mqtt-profile}: AWS IoT Core's rules or standard MQTT's, on both listeners.
 */
public final class BrokerPortOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private int mqttsPort = BrokerOptions.DEFAULT_MQTTS_PORT;
    private @Nullable Integer mqttPort;

    @Option(names = "--mqtts-port", paramLabel = "N", defaultValue = "8883")
    void mqttsPort(int port) {
        mqttsPort = checked("--mqtts-port", port);
    }

    @Option(names = "--mqtt-port", paramLabel = "N")
    void mqttPort(int port) {
        mqttPort = checked("--mqtt-port", port);
    }

    @Option(names = "--aws-quotas")
    boolean awsQuotas;

    private CaKeyType caKeyType = CaKeyType.EC_P256;

    @Option(names = "--ca-key", paramLabel = "TYPE")
    void caKey(String type) {
        caKeyType = switch (type) {
            case "ec-p256" -> CaKeyType.EC_P256;
            case "rsa-2048" -> CaKeyType.RSA_2048;
            default -> throw new ParameterException(spec.commandLine(), CliMessages.say("option.caKey", type));
        };
    }

    private MqttProfile mqttProfile = MqttProfile.AWS;

    @Option(names = "--mqtt-profile", paramLabel = "PROFILE")
    void mqttProfile(String name) {
        mqttProfile = MqttProfile.named(name)
                .orElseThrow(
                        () -> new ParameterException(spec.commandLine(), CliMessages.say("option.mqttProfile", name)));
    }

    BrokerOptions toOptions() {
        return new BrokerOptions(
                mqttsPort,
                Optional.ofNullable(mqttPort),
                awsQuotas,
                caKeyType,
                mqttProfile,
                maxQueuedMessages,
                maxQueuedBytes);
    }

    private int maxQueuedMessages = BrokerOptions.DEFAULT_MAX_QUEUED_MESSAGES;
    private long maxQueuedBytes;

    @Option(names = "--max-queued-messages", paramLabel = "N", defaultValue = "1000")
    void maxQueuedMessages(int messages) {
        maxQueuedMessages = (int) notNegative("--max-queued-messages", messages);
    }

    @Option(names = "--max-queued-bytes", paramLabel = "N")
    void maxQueuedBytes(long bytes) {
        maxQueuedBytes = notNegative("--max-queued-bytes", bytes);
    }

    private long notNegative(String option, long value) {
        if (value < 0) {
            throw new ParameterException(
                    spec.commandLine(), CliMessages.say("option.notNegative", option, Long.toString(value)));
        }
        return value;
    }

    private int checked(String option, int port) {
        if (port < 0 || port > 65535) {
            throw new ParameterException(
                    spec.commandLine(), CliMessages.say("option.port", option, Integer.toString(port)));
        }
        return port;
    }
}
