package io.fleetdeck.app;

import io.fleetdeck.app.cli.FleetdeckCommand;
import io.fleetdeck.app.logging.LogFiles;

/** Entry point of the {@code fleetdeck} command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int exitCode = FleetdeckCommand.commandLine().execute(args);
        LogFiles.stop();
        System.exit(exitCode);
    }
}
