package io.fleetdeck.app.cli;

import io.fleetdeck.app.startup.StartupException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Comparator;
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
        err.println("fleetdeck: " + whatWasWrong(problem) + " (see '" + qualifiedName(command) + " --help')");
        err.flush();
        return StartupException.EXIT_CODE;
    }

    /** picocli's words, except for a mistyped command, which is named as one, with the closest there is. */
    private static String whatWasWrong(ParameterException problem) {
        CommandLine command = problem.getCommandLine();
        if (problem instanceof UnmatchedArgumentException unmatched
                && !unmatched.isUnknownOption()
                && !command.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty()) {
            String typed = unmatched.getUnmatched().getFirst();
            return "unknown command '" + typed + "'"
                    + closestCommand(typed, command.getSubcommands().keySet())
                            .map(name -> "; did you mean '" + qualifiedName(command) + " " + name + "'?")
                            .orElse("");
        }
        return oneLine(problem.getMessage());
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

    /** The command a typo most likely meant: fewest edits, a swap of two letters counting one; none past three. */
    static Optional<String> closestCommand(String typed, Collection<String> commands) {
        return commands.stream()
                .filter(name -> edits(typed, name) <= 3)
                .min(Comparator.comparingInt((String name) -> edits(typed, name))
                        .thenComparing(name -> name));
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    private static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String qualifiedName(CommandLine command) {
        return command.getCommandSpec().qualifiedName();
    }

    private static String oneLine(@Nullable String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
