package io.fleetdeck.app.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Help on every command and subcommand ({@code fleetdeck thing create --help}), each with examples to copy: what a
 * first-day user types after any error message points them there.
 */
final class CommandHelp {

    private static final String DESIRED = "{\"state\":{\"desired\":{\"speed\":1200}}}";

    /**
     * By the command's qualified name. A command with subcommands shows its subcommands' first examples; {@link
     * #addTo} refuses any other command that has none, so a new one gets its own.
     */
    static final Map<String, List<String>> EXAMPLES = Map.ofEntries(
            Map.entry("fleetdeck", List.of("fleetdeck", "fleetdeck --data-dir ~/site-north --no-demo")),
            Map.entry("fleetdeck gui", List.of("fleetdeck gui --data-dir ~/site-north")),
            Map.entry("fleetdeck serve", List.of("fleetdeck serve --demo --mqtts-port 8883")),
            Map.entry("fleetdeck version", List.of("fleetdeck version")),
            Map.entry(
                    "fleetdeck device add",
                    List.of(
                            "fleetdeck device add pump-7 --out ./pump-7",
                            "fleetdeck device add pump-7 --out ./pump-7 --force")),
            Map.entry("fleetdeck cert revoke", List.of("fleetdeck cert revoke 94eee6d143c8", revokeExample())),
            Map.entry("fleetdeck cert list", List.of("fleetdeck cert list", "fleetdeck cert list --output json")),
            Map.entry(
                    "fleetdeck policy create",
                    List.of("fleetdeck policy create telemetry --document telemetry-policy.json")),
            Map.entry("fleetdeck policy attach", List.of("fleetdeck policy attach telemetry --thing pump-7")),
            Map.entry("fleetdeck policy list", List.of("fleetdeck policy list", "fleetdeck policy list --output json")),
            Map.entry(
                    "fleetdeck policy get",
                    List.of("fleetdeck policy get telemetry", "fleetdeck policy get telemetry --output json")),
            Map.entry(
                    "fleetdeck shadow get",
                    List.of("fleetdeck shadow get pump-7", "fleetdeck shadow get pump-7 --name config")),
            Map.entry(
                    "fleetdeck shadow update",
                    List.of(
                            "fleetdeck shadow update pump-7 '" + DESIRED + "'",
                            "fleetdeck shadow update pump-7 --name config '{\"state\":{\"desired\":{\"interval\":30}}}'")),
            Map.entry(
                    "fleetdeck thing create",
                    List.of(
                            "fleetdeck thing create pump-7 --attr model=P100 --group floor-1",
                            "fleetdeck thing create pump-8 --type pump")),
            Map.entry("fleetdeck thing delete", List.of("fleetdeck thing delete pump-7")),
            Map.entry(
                    "fleetdeck thing list",
                    List.of(
                            "fleetdeck thing list",
                            "fleetdeck thing list --type pump --group floor-1",
                            "fleetdeck thing list --output json")),
            Map.entry(
                    "fleetdeck thing describe",
                    List.of("fleetdeck thing describe pump-7", "fleetdeck thing describe pump-7 --output json")),
            Map.entry(
                    "fleetdeck thing-type create",
                    List.of(
                            "fleetdeck thing-type create pump --description 'Water pumps'",
                            "fleetdeck thing-type create valve --searchable-attribute model")),
            Map.entry(
                    "fleetdeck thing-type list",
                    List.of("fleetdeck thing-type list", "fleetdeck thing-type list --output json")),
            Map.entry("fleetdeck thing-type describe", List.of("fleetdeck thing-type describe pump")),
            Map.entry(
                    "fleetdeck thing-type deprecate",
                    List.of("fleetdeck thing-type deprecate pump", "fleetdeck thing-type deprecate pump --undo")),
            Map.entry("fleetdeck group create", List.of("fleetdeck group create floor-1 --parent site-north")),
            Map.entry("fleetdeck group add", List.of("fleetdeck group add floor-1 pump-7")),
            Map.entry(
                    "fleetdeck group create-dynamic",
                    List.of("fleetdeck group create-dynamic low-battery 'shadow.reported.battery<20'")),
            Map.entry(
                    "fleetdeck group update-dynamic",
                    List.of("fleetdeck group update-dynamic low-battery 'shadow.reported.battery<15'")),
            Map.entry("fleetdeck group members", List.of("fleetdeck group members site-north --recursive")),
            Map.entry("fleetdeck group list", List.of("fleetdeck group list", "fleetdeck group list --output json")),
            Map.entry(
                    "fleetdeck search",
                    List.of(
                            "fleetdeck search 'thingName:pump* AND shadow.reported.battery<20'",
                            "fleetdeck search '*' --sort shadow.reported.battery --descending",
                            "fleetdeck search 'thingGroupNames:site-north' --index AWS_ThingGroups")),
            Map.entry("fleetdeck stats", List.of("fleetdeck stats 'thingName:pump*' shadow.reported.battery")),
            // firmware (issue 16)
            Map.entry(
                    "fleetdeck firmware import",
                    List.of(
                            "fleetdeck firmware import pump.bin --version 1.4.0 --target esp32-s3 --notes 'Valves'",
                            "fleetdeck firmware import pump.bin --version 1.4.0 --target esp32-s3 --target esp32-c3",
                            "fleetdeck firmware import b.bin --version 2.0.0 --target esp32-s3 --signature b.sig --certificate c.pem")),
            Map.entry(
                    "fleetdeck firmware list",
                    List.of("fleetdeck firmware list", "fleetdeck firmware list --output json")),
            Map.entry(
                    "fleetdeck firmware describe",
                    List.of("fleetdeck firmware describe 94eee6d143c8", "fleetdeck firmware describe 94eee6d1")),
            Map.entry(
                    "fleetdeck firmware verify",
                    List.of("fleetdeck firmware verify", "fleetdeck firmware verify 94eee6d143c8")),
            Map.entry(
                    "fleetdeck firmware export-certificate",
                    List.of("fleetdeck firmware export-certificate 94eee6d143c8 --out ./check --image")),
            Map.entry("fleetdeck firmware known-safe", List.of("fleetdeck firmware known-safe esp32-s3 1.3.2")),
            Map.entry("fleetdeck firmware delete", List.of("fleetdeck firmware delete 94eee6d143c8")),
            // firmware delivery (issue 16, delivery)
            Map.entry(
                    "fleetdeck firmware url",
                    List.of(
                            "fleetdeck firmware url 94eee6d143c8",
                            "fleetdeck firmware url 94eee6d143c8 --valid-seconds 600")),
            // jobs (issue 16)
            Map.entry(
                    "fleetdeck job create",
                    List.of(
                            "fleetdeck job create reboot-1 --document reboot.json --thing pump-7 --thing pump-8",
                            "fleetdeck job create ota-2 --document ota.json --group floor-1 --timeout-minutes 30")),
            Map.entry("fleetdeck job describe", List.of("fleetdeck job describe ota-2")),
            Map.entry(
                    "fleetdeck job cancel",
                    List.of("fleetdeck job cancel ota-2", "fleetdeck job cancel ota-2 --force")));

    private CommandHelp() {}

    /** A certificate's id is the SHA-256 of its DER, so it can be worked out from the file the device holds. */
    private static String revokeExample() {
        return "fleetdeck cert revoke $(openssl x509 -in pump-7.cert.pem -outform DER | sha256sum | cut -d' ' -f1)";
    }

    /** Gives every command below {@code root} a {@code -h, --help} option and its examples. */
    static void addTo(CommandLine root) {
        addTo(root, true);
    }

    private static void addTo(CommandLine command, boolean root) {
        CommandSpec spec = command.getCommandSpec();
        if (!root && spec.findOption("--help") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help")
                    .usageHelp(true)
                    .descriptionKey("help")
                    .build());
        }
        List<String> examples = examplesOf(command);
        if (examples.isEmpty()) {
            throw new IllegalStateException("the command '" + spec.qualifiedName() + "' has no example in its help");
        }
        spec.usageMessage()
                .footerHeading("%n" + CliMessages.say("help.examples", examples.size()) + "%n")
                .footer(examples.stream()
                        .map(example -> "  " + example.replace("%", "%%"))
                        .toArray(String[]::new));
        command.getSubcommands().values().forEach(sub -> addTo(sub, false));
    }

    private static List<String> examplesOf(CommandLine command) {
        List<String> own = EXAMPLES.get(command.getCommandSpec().qualifiedName());
        if (own != null) {
            return own;
        }
        return command.getSubcommands().values().stream()
                .flatMap(sub -> examplesOf(sub).stream().limit(1))
                .toList();
    }
}
