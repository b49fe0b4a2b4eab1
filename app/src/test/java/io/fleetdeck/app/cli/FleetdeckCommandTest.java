package io.fleetdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.broker.config.MqttProfile;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** The command line as parsed in-process; the process-level behaviour is in the *IT tests. */
class FleetdeckCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = FleetdeckCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void anUnknownOptionIsOneLineAndExitCode2() {
        assertThat(run("serve", "--colour", "blue")).isEqualTo(2);

        assertThat(err.toString())
                .isEqualTo("fleetdeck: Unknown options: '--colour', 'blue' (see 'fleetdeck serve --help')"
                        + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnknownCommandIsNamedAsOneWithTheClosestThereIs() {
        assertThat(run("serv")).isEqualTo(2);

        assertThat(err.toString())
                .isEqualTo("fleetdeck: unknown command 'serv'; did you mean 'fleetdeck serve'? (see 'fleetdeck --help')"
                        + System.lineSeparator());
    }

    @Test
    void anUnknownSubcommandIsNamedInItsCommand() {
        assertThat(run("thing", "craete", "pump-7")).isEqualTo(2);

        assertThat(err.toString())
                .startsWith("fleetdeck: unknown command 'craete'; did you mean 'fleetdeck thing create'?")
                .endsWith("(see 'fleetdeck thing --help')" + System.lineSeparator());
    }

    /** Every command and subcommand, as picocli knows them: a new one is in this test without being named here. */
    static java.util.stream.Stream<String> everyCommand() {
        java.util.List<String> names = new java.util.ArrayList<>();
        collect(FleetdeckCommand.commandLine(), names);
        return names.stream();
    }

    private static void collect(CommandLine command, java.util.List<String> names) {
        names.add(command.getCommandSpec().qualifiedName());
        command.getSubcommands().values().forEach(sub -> collect(sub, names));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("everyCommand")
    void everyCommandAndSubcommandHasHelpWithAnExample(String command) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command.split(" ")));
        args.removeFirst(); // "fleetdeck"
        args.add("--help");

        assertThat(run(args.toArray(String[]::new)))
                .as("exit code of %s --help", command)
                .isZero();

        assertThat(out.toString())
                .as("help of %s", command)
                .startsWith("Usage: " + command)
                .containsPattern("Examples?:" + System.lineSeparator() + "  " + java.util.regex.Pattern.quote(command))
                .contains("-h, --help");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void versionPrintsOneLine() {
        assertThat(run("version")).isZero();

        assertThat(out.toString()).startsWith("fleetdeck ").contains("Java 25").hasLineCount(1);
    }

    @Test
    void helpListsEveryCommandAndEveryOption() {
        CommandSpec root = FleetdeckCommand.commandLine().getCommandSpec();

        assertThat(run("--help")).isZero();

        String help = out.toString();
        assertThat(root.subcommands()).as("the commands picocli knows").hasSizeGreaterThan(5);
        assertShows(help, root);
    }

    /**
     * Every visible option (each of its names and its description), parameter and subcommand (with its description)
     * of {@code command}, as picocli's model of it has them.
     */
    private static void assertShows(String usage, CommandSpec command) {
        String what = "help of '" + command.qualifiedName() + "'";
        String help = oneSpaced(usage); // picocli wraps long descriptions
        assertThat(help).as(what).contains(oneSpaced(command.usageMessage().description()[0]));
        for (OptionSpec option : command.options()) {
            if (!option.hidden()) {
                assertThat(help).as(what).contains(option.names());
                for (String line : option.description()) {
                    assertThat(help).as(what).contains(oneSpaced(line));
                }
            }
        }
        for (PositionalParamSpec parameter : command.positionalParameters()) {
            if (!parameter.hidden()) {
                assertThat(help).as(what).contains(parameter.paramLabel());
            }
        }
        command.subcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                assertThat(help)
                        .as(what)
                        .contains(
                                name,
                                oneSpaced(sub.getCommandSpec().usageMessage().description()[0]));
            }
        });
    }

    private static String oneSpaced(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void theDataFolderMayBeGivenBeforeOrAfterTheCommand() {
        CommandLine line = FleetdeckCommand.commandLine();
        CommandLine.ParseResult before = line.parseArgs("--data-dir", "/a", "serve");
        ServeCommand serve = (ServeCommand) before.subcommand().commandSpec().userObject();
        assertThat(serve.dataFolder.resolve(serve.parent.dataFolder)).hasToString("/a");

        CommandLine again = FleetdeckCommand.commandLine();
        CommandLine.ParseResult after = again.parseArgs("serve", "--data-dir", "/b");
        ServeCommand serveAfter =
                (ServeCommand) after.subcommand().commandSpec().userObject();
        assertThat(serveAfter.dataFolder.resolve(serveAfter.parent.dataFolder)).hasToString("/b");
    }

    @Test
    void theMqttProfileIsAwsUnlessStandardIsAsked() {
        ServeCommand serve = (ServeCommand) FleetdeckCommand.commandLine()
                .parseArgs("serve")
                .subcommand()
                .commandSpec()
                .userObject();
        assertThat(serve.brokerPorts.toOptions().mqttProfile()).isEqualTo(MqttProfile.AWS);

        GuiCommand gui = (GuiCommand) FleetdeckCommand.commandLine()
                .parseArgs("gui", "--mqtt-profile", "standard")
                .subcommand()
                .commandSpec()
                .userObject();
        assertThat(gui.brokerPorts.toOptions().mqttProfile()).isEqualTo(MqttProfile.STANDARD);
    }

    @Test
    void anUnknownMqttProfileIsOneLineAndExitCode2() {
        assertThat(run("serve", "--mqtt-profile", "mosquitto")).isEqualTo(2);

        assertThat(err.toString())
                .isEqualTo("fleetdeck: --mqtt-profile must be aws or standard, was mosquitto"
                        + " (see 'fleetdeck serve --help')" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }
}
