package io.fleetdeck.views.shell;

import java.util.Objects;

/**
 * Facts about this console instance that the shell shows and that do not change while it runs.
 *
 * @param brokerEndpoint where devices connect, in the user's words, e.g. "MQTT over TLS on port 8883"
 */
public record ConsoleInfo(String dataFolder, String version, String brokerEndpoint) {

    public ConsoleInfo {
        Objects.requireNonNull(dataFolder, "dataFolder");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(brokerEndpoint, "brokerEndpoint");
    }
}
