package io.fleetdeck.app.docs;

import io.fleetdeck.app.cli.FleetdeckCommand;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * docs/cli.md as the commands describe themselves: every command and subcommand of {@code fleetdeck}, walked from
 * picocli's command tree, with the help text {@code --help} prints (examples included). Knows no command by name, so a
 * new command appears in the page by itself.
 */
public final class CliReference {

    static final String REGENERATE = "./mvnw -o test -pl app -am -Dtest=CliReferenceTest"
            + " -Dfleetdeck.cli.reference.write=true -Dsurefire.failIfNoSpecifiedTests=false -Dinstallers.skip=true";

    private CliReference() {}

    /** The whole page. */
    public static String markdown() {
        List<CommandLine> commands = new ArrayList<>();
        collect(FleetdeckCommand.commandLine(), commands);
        StringBuilder page = new StringBuilder();
        page.append("# Command reference\n\n")
                .append(
                        "Generated from the commands themselves by `CliReference`; `CliReferenceTest` fails when this\n")
                .append("page differs from what they print. Regenerate it with\n\n")
                .append("```sh\n")
                .append(REGENERATE)
                .append("\n```\n\n")
                .append("Each section is what `COMMAND --help` prints.\n\n");
        for (CommandLine command : commands) {
            String name = command.getCommandSpec().qualifiedName();
            page.append("- [`").append(name).append("`](#").append(anchor(name)).append(")\n");
        }
        for (CommandLine command : commands) {
            page.append("\n## ")
                    .append(command.getCommandSpec().qualifiedName())
                    .append("\n\n```\n")
                    .append(command.getUsageMessage(Ansi.OFF).stripTrailing())
                    .append("\n```\n");
        }
        return page.toString();
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        if (command.getCommandSpec().usageMessage().hidden()) {
            return;
        }
        into.add(command);
        // aliases map to the same CommandLine; take each once, in declaration order
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }

    /** GitHub's heading anchor: lower case, spaces to dashes, other punctuation dropped. */
    private static String anchor(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT).replace(' ', '-').replaceAll("[^a-z0-9_-]", "");
    }
}
