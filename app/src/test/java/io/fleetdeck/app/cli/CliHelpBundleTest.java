package io.fleetdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command's, option's and parameter's help comes from the help bundle: with an empty bundle in its place no
 * word is left (a description written into an annotation would be), and in English and German each one is there.
 */
class CliHelpBundleTest {

    private static final String HELP = "io.fleetdeck.app.cli.help";

    @Test
    void noDescriptionIsWrittenIntoTheCode() {
        CommandLine line = FleetdeckCommand.commandLine();
        line.setResourceBundle(new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[0][];
            }
        });

        List<String> hardCoded = new ArrayList<>();
        eachCommand(line, spec -> {
            if (spec.usageMessage().description().length > 0) {
                hardCoded.add(spec.qualifiedName());
            }
            eachArgument(spec, arg -> {
                if (arg.description().length > 0 && !fromPicocli(spec, arg)) {
                    hardCoded.add(spec.qualifiedName() + " " + label(arg));
                }
            });
        });

        assertThat(hardCoded).as("help written into the code, not the bundle").isEmpty();
    }

    @Test
    void everyCommandAndOptionIsDescribedInEnglishAndGerman() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            CommandLine line = FleetdeckCommand.commandLine();
            line.setResourceBundle(ResourceBundle.getBundle(HELP, locale));

            List<String> undescribed = new ArrayList<>();
            eachCommand(line, spec -> {
                if (spec.usageMessage().description().length == 0) {
                    undescribed.add(spec.qualifiedName());
                }
                spec.options().stream()
                        .filter(option -> option.description().length == 0)
                        .forEach(option -> undescribed.add(spec.qualifiedName() + " " + label(option)));
            });

            assertThat(undescribed).as("without help in %s", locale).isEmpty();
        }
    }

    @Test
    void theGermanHelpIsGerman() {
        CommandLine line = FleetdeckCommand.commandLine();
        line.setResourceBundle(ResourceBundle.getBundle(HELP, Locale.GERMAN));

        String help = line.getSubcommands().get("thing").getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertThat(help)
                .startsWith("Aufruf: fleetdeck thing")
                .contains("Objekte in der Registry anlegen, auflisten, beschreiben und löschen.")
                .contains("Zeigt diese Hilfe mit Beispielen und beendet.")
                .contains("Befehle:");
    }

    /** picocli's own --help and --version of the top command, worded by picocli unless the bundle says otherwise. */
    private static boolean fromPicocli(CommandSpec spec, ArgSpec arg) {
        CommandSpec standard = spec.mixins().get("mixinStandardHelpOptions");
        return standard != null && standard.args().stream().anyMatch(own -> own.equals(arg));
    }

    private static String label(ArgSpec arg) {
        return arg instanceof CommandLine.Model.OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    private static void eachCommand(CommandLine line, Consumer<CommandSpec> check) {
        check.accept(line.getCommandSpec());
        line.getSubcommands().values().forEach(sub -> eachCommand(sub, check));
    }

    private static void eachArgument(CommandSpec spec, Consumer<ArgSpec> check) {
        spec.args().forEach(check);
    }
}
