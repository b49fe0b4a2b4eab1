package io.fleetdeck.app.cli;

import io.fleetdeck.app.logging.LogFiles;
import java.util.Set;
import picocli.CommandLine.ParseResult;

/**
 * How much of the log stderr shows for the command typed: a command that answers (search, cert revoke, ...) prints its
 * answer and real warnings only, so a script can read it; the console and {@code serve} run for long and show what
 * they do. {@code --verbose}, anywhere on the line, shows everything for any command.
 */
final class ConsoleLog {

    /** The commands that keep running and report as they go: {@code fleetdeck} alone opens the console. */
    private static final Set<String> RUNNING = Set.of("fleetdeck", "gui", "serve");

    private ConsoleLog() {}

    static void chooseFor(ParseResult parsed) {
        boolean verbose = false;
        ParseResult command = parsed;
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            verbose |= level.hasMatchedOption("--verbose");
            command = level;
        }
        String name = command.commandSpec().name();
        if (verbose || RUNNING.contains(name)) {
            LogFiles.consoleShowsEverything();
        } else {
            LogFiles.consoleShowsWarnings();
        }
    }
}
