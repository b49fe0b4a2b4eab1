package io.fleetdeck.app.cli;

import io.fleetdeck.app.StartupException;
import io.fleetdeck.app.runtime.OfflineFleet;
import io.fleetdeck.fleet.identity.IdentityException;
import io.fleetdeck.fleet.identity.IdentityService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fleetdeck policy create NAME --document FILE} and {@code fleetdeck policy attach NAME --thing THING}. */
@Command(
        name = "policy",
        description = "Manage AWS IoT policies.",
        subcommands = {PolicyCommand.Create.class, PolicyCommand.Attach.class})
final class PolicyCommand {

    @ParentCommand
    FleetdeckCommand parent;

    @Command(name = "create", description = "Create a policy from a JSON document; a broken one is refused whole.")
    static final class Create implements Callable<Integer> {

        @ParentCommand
        PolicyCommand policy;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--document", paramLabel = "FILE", required = true, description = "The policy document.")
        Path document;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws StartupException {
            String text;
            try {
                text = Files.readString(document);
            } catch (IOException e) {
                throw new StartupException("cannot read the policy document " + document + ": " + e.getMessage());
            }
            try (OfflineFleet fleet =
                    OfflineFleet.open(dataFolder.resolve(policy.parent.dataFolder), Clock.systemUTC())) {
                fleet.services().identities().createPolicy(name, text);
                spec.commandLine().getOut().println("policy " + name + " created (version 1)");
                spec.commandLine().getOut().flush();
                return 0;
            } catch (IdentityException e) {
                throw new StartupException(e.code() + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "attach", description = "Attach a policy to every certificate of a thing.")
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
        public Integer call() throws StartupException {
            try (OfflineFleet fleet =
                    OfflineFleet.open(dataFolder.resolve(policy.parent.dataFolder), Clock.systemUTC())) {
                IdentityService identities = fleet.services().identities();
                List<String> certificates = identities.principalsOf(thing);
                if (certificates.isEmpty()) {
                    throw new StartupException("thing " + thing + " has no certificate to attach " + name + " to");
                }
                for (String certificate : certificates) {
                    identities.attachPolicy(name, certificate);
                }
                spec.commandLine()
                        .getOut()
                        .println("policy " + name + " attached to " + certificates.size() + " certificate(s) of "
                                + thing);
                spec.commandLine().getOut().flush();
                return 0;
            } catch (IdentityException e) {
                throw new StartupException(e.code() + ": " + e.getMessage());
            }
        }
    }
}
