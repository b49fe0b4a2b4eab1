package io.fleetdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code --data-dir ''} used to be the current folder (issue 13, defect 5): every command that takes the option refuses
 * an empty or blank path as bad input, before it runs.
 */
class DataFolderOptionTest {

    /** Every command that takes --data-dir, as the words that name it ("shadow get"), with an empty and a blank path. */
    static Stream<Arguments> commandsWithADataFolder() {
        List<List<String>> commands = new ArrayList<>();
        collect(FleetdeckCommand.commandLine(), List.of(), commands);
        assertThat(commands)
                .as("the commands found")
                .contains(List.of(), List.of("serve"), List.of("shadow", "get"), List.of("search"));
        return commands.stream().flatMap(words -> Stream.of(Arguments.of(words, ""), Arguments.of(words, "  ")));
    }

    private static void collect(CommandLine command, List<String> words, List<List<String>> into) {
        if (command.getCommandSpec().findOption("--data-dir") != null) {
            into.add(words);
        }
        command.getSubcommands().forEach((name, sub) -> {
            List<String> longer = new ArrayList<>(words);
            longer.add(name);
            collect(sub, longer, into);
        });
    }

    @ParameterizedTest(name = "fleetdeck {0} --data-dir ''{1}''")
    @MethodSource("commandsWithADataFolder")
    void anEmptyOrBlankDataFolderIsOneLineOfBadInput(List<String> words, String path) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = FleetdeckCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        List<String> args = new ArrayList<>(words);
        args.addAll(List.of("--data-dir", path));

        assertThat(line.execute(args.toArray(String[]::new))).isEqualTo(2);

        String what = path.isEmpty() ? "an empty path" : "a blank path ('" + path + "')";
        assertThat(err.toString())
                .startsWith("fleetdeck: Invalid value for option '--data-dir': " + what + " is not a data folder;"
                        + " give a folder, or leave --data-dir out for the per-user data folder")
                .hasLineCount(1);
        assertThat(out.toString()).isEmpty();
    }
}
