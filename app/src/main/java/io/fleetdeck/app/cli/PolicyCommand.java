package io.fleetdeck.app.cli;

import io.fleetdeck.api.certificates.CertificateService;
import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.things.ThingDetail;
import io.fleetdeck.api.things.ThingService;
import io.fleetdeck.app.startup.StartupException;
import io.fleetdeck.broker.policy.PolicyWarning;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fleetdeck policy create NAME --document FILE}, {@code policy attach NAME --thing THING}, {@code policy list}
 * and {@code policy get NAME}.
 */
@Command(
        name = "policy",
        subcommands = {PolicyCommand.Create.class, PolicyCommand.Attach.class, PolicyList.class, PolicyGet.class})
final class PolicyCommand {

    @ParentCommand
    FleetdeckCommand parent;

    @Command(name = "create")
    static final class Create implements Callable<Integer> {

        @ParentCommand
        PolicyCommand policy;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--document", paramLabel = "FILE", required = true)
        Path document;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            String text = PolicyFile.read(document);
            return OfflineAction.perform(
                    dataFolder, policy.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                        fleet.services()
                                .certificates(fleet.folder().caCertificate())
                                .createPolicy(name, text);
                        warn(PolicyFile.warnings(text));
                        return CliMessages.say("policy.created", name);
                    });
        }

        /**
         * AWS creates a policy with an unknown action or variable, so this does too, but says so: such a typo grants
         * or denies nothing, silently.
         */
        private void warn(List<PolicyWarning> warnings) {
            PrintWriter err = spec.commandLine().getErr();
            for (PolicyWarning warning : warnings) {
                err.println("fleetdeck: warning: policy " + name + ", " + warning);
            }
            err.flush();
        }
    }

    @Command(name = "attach")
    static final class Attach implements Callable<Integer> {

        @ParentCommand
        PolicyCommand policy;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--thing", paramLabel = "THING", required = true)
        String thing;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder, policy.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                        List<String> certificates =
                                certificatesOf(fleet.services().things(), thing);
                        if (certificates.isEmpty()) {
                            throw new StartupException(CliMessages.say("policy.noCertificate", thing, name));
                        }
                        CertificateService service =
                                fleet.services().certificates(fleet.folder().caCertificate());
                        for (String certificate : certificates) {
                            service.attachPolicy(name, certificate);
                        }
                        return CliMessages.say("policy.attached", name, certificates.size(), thing);
                    });
        }

        /** The certificates that speak for the thing; none when there is no such thing. */
        private static List<String> certificatesOf(ThingService things, String thing) throws FleetApiException {
            try {
                return things.inspectThing(thing).certificates().stream()
                        .map(ThingDetail.Certificate::id)
                        .toList();
            } catch (ResourceNotFoundException noSuchThing) {
                return List.of();
            }
        }
    }
}
