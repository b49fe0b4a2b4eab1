package io.fleetdeck.app.cli;

import io.fleetdeck.app.StartupException;
import io.fleetdeck.app.runtime.OfflineFleet;
import io.fleetdeck.fleet.identity.CertificateStatus;
import io.fleetdeck.fleet.identity.IdentityException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fleetdeck cert revoke ID}: a certificate that may never connect again. */
@Command(name = "cert", description = "Manage device certificates.", subcommands = CertCommand.Revoke.class)
final class CertCommand {

    @ParentCommand
    FleetdeckCommand parent;

    @Command(name = "revoke", description = "Revoke a certificate for good (its id is the SHA-256 of its DER).")
    static final class Revoke implements Callable<Integer> {

        @ParentCommand
        CertCommand cert;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "ID", description = "The certificate id, 64 hex digits.")
        String id;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws StartupException {
            try (OfflineFleet fleet =
                    OfflineFleet.open(dataFolder.resolve(cert.parent.dataFolder), Clock.systemUTC())) {
                fleet.services()
                        .identities()
                        .updateCertificate(id.toLowerCase(java.util.Locale.ROOT), CertificateStatus.REVOKED);
                spec.commandLine().getOut().println("certificate " + id + " REVOKED");
                spec.commandLine().getOut().flush();
                return 0;
            } catch (IdentityException e) {
                throw new StartupException(e.code() + ": " + e.getMessage());
            }
        }
    }
}
