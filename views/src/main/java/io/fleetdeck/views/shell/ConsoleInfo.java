package io.fleetdeck.views.shell;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Facts about this console instance that the shell shows and that do not change while it runs.
 *
 * @param broker where devices connect, as numbers: the shell words it in the user's language
 */
public record ConsoleInfo(String dataFolder, String version, BrokerEndpoint broker) {

    public ConsoleInfo {
        Objects.requireNonNull(dataFolder, "dataFolder");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(broker, "broker");
    }

    /** With the broker on MQTT over TLS only, under AWS's profile: how {@code serve} starts by default. */
    public ConsoleInfo(String dataFolder, String version, int mqttsPort) {
        this(dataFolder, version, new BrokerEndpoint(mqttsPort, null, false));
    }

    /**
     * Where the embedded broker listens.
     *
     * @param mqttsPort MQTT over TLS, on every interface
     * @param mqttPort plain MQTT on loopback, or null when it is off
     * @param standardProfile the broker speaks standard MQTT rather than AWS IoT Core's profile
     */
    public record BrokerEndpoint(int mqttsPort, @Nullable Integer mqttPort, boolean standardProfile) {}
}
