package io.fleetdeck.app.cli;

import io.fleetdeck.app.service.Spelling;
import io.fleetdeck.app.startup.StartupException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** How the command reports bad input and refused starts: one line on stderr that says what and where. */
final class CliErrors {

    private static final Logger log = LoggerFactory.getLogger(CliErrors.class);

    private CliErrors() {}

    static int badInput(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("fleetdeck: " + CliMessages.say("error.seeHelp", whatWasWrong(problem), qualifiedName(command)));
        err.flush();
        return StartupException.EXIT_CODE;
    }

    /**
     * picocli's words in the user's language, except for a mistyped command, which is named as one, with the closest
     * there is.
     */
    private static String whatWasWrong(ParameterException problem) {
        CommandLine command = problem.getCommandLine();
        if (problem instanceof UnmatchedArgumentException unmatched
                && !unmatched.isUnknownOption()
                && !command.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty()) {
            String typed = unmatched.getUnmatched().getFirst();
            return closestCommand(typed, command.getSubcommands().keySet())
                    .map(name ->
                            CliMessages.say("error.unknownCommandMeant", typed, qualifiedName(command) + " " + name))
                    .orElseGet(() -> CliMessages.say("error.unknownCommand", typed));
        }
        return ParseErrorWording.inLocale(oneLine(problem.getMessage()));
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
        err.println("fleetdeck: " + CliMessages.say("error.unexpected", oneLine(String.valueOf(problem))));
        err.flush();
        return 1;
    }

    /** The command a typo most likely meant: fewest edits, a swap of two letters counting one; none past three. */
    static Optional<String> closestCommand(String typed, Collection<String> commands) {
        return Spelling.closest(typed, commands);
    }

    private static String qualifiedName(CommandLine command) {
        return command.getCommandSpec().qualifiedName();
    }

    private static String oneLine(@Nullable String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
