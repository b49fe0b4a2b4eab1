package io.fleetdeck.app.cli;

import io.fleetdeck.app.runtime.BrokerOptions;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --mqtts-port}, {@code --mqtt-port}: where the embedded broker listens; {@code --aws-quotas}. */
public final class BrokerPortOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private int mqttsPort = BrokerOptions.DEFAULT_MQTTS_PORT;
    private Integer mqttPort;

    @Option(
            names = "--mqtts-port",
            paramLabel = "N",
            description = "MQTT over TLS port on every interface (default: ${DEFAULT-VALUE}; 0 picks a free port).",
            defaultValue = "8883")
    void mqttsPort(int port) {
        mqttsPort = checked("--mqtts-port", port);
    }

    @Option(
            names = "--mqtt-port",
            paramLabel = "N",
            description = "Also listen for plain MQTT on this loopback port, for tools (0 picks a free port).")
    void mqttPort(int port) {
        mqttPort = checked("--mqtt-port", port);
    }

    @Option(
            names = "--aws-quotas",
            description = "Hold clients to AWS IoT Core's rates: 100 publishes/s per connection, 1 connect/s per"
                    + " client id, stored messages replayed at 10/s.")
    boolean awsQuotas;

    BrokerOptions toOptions() {
        return new BrokerOptions(mqttsPort, Optional.ofNullable(mqttPort), awsQuotas);
    }

    private int checked(String option, int port) {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), option + " must be a port from 0 to 65535, was " + port);
        }
        return port;
    }
}
