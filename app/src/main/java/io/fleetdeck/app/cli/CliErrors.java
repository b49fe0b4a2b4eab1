package io.fleetdeck.app.cli;

import io.fleetdeck.app.startup.StartupException;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** How the command reports bad input and refused starts: one line on stderr that says what and where. */
final class CliErrors {

    private static final Logger log = LoggerFactory.getLogger(CliErrors.class);

    private CliErrors() {}

    static int badInput(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("fleetdeck: " + oneLine(problem.getMessage()) + " (see '" + qualifiedName(command) + " --help')");
        err.flush();
        return StartupException.EXIT_CODE;
    }

    static int failedRun(Exception problem, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (problem instanceof StartupException refused) {
            log.debug("Start refused", refused);
            err.println("fleetdeck: " + oneLine(refused.getMessage()));
            err.flush();
            return StartupException.EXIT_CODE;
        }
        log.error("Fleetdeck stopped on an unexpected error", problem);
        err.println("fleetdeck: unexpected error: " + oneLine(String.valueOf(problem))
                + " (details in the log file of the data folder)");
        err.flush();
        return 1;
    }

    private static String qualifiedName(CommandLine command) {
        return command.getCommandSpec().qualifiedName();
    }

    private static String oneLine(@Nullable String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
