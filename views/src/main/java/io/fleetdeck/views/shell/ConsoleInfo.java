package io.fleetdeck.views.shell;

import java.util.Objects;

/** Facts about this console instance that the shell shows and that do not change while it runs. */
public record ConsoleInfo(String dataFolder, String version) {

    public ConsoleInfo {
        Objects.requireNonNull(dataFolder, "dataFolder");
        Objects.requireNonNull(version, "version");
    }
}
