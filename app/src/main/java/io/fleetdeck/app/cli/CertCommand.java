package io.fleetdeck.app.cli;

import io.fleetdeck.api.certificates.CertificateStatusChange;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fleetdeck cert revoke ID}: a certificate that may never connect again. */
@Command(
        name = "cert",
        description = "Manage device certificates.",
        subcommands = {CertCommand.Revoke.class, CertList.class})
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
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder, cert.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                        fleet.services()
                                .certificates(fleet.folder().caCertificate())
                                .updateCertificate(id.toLowerCase(Locale.ROOT), CertificateStatusChange.REVOKED);
                        return "certificate " + id + " REVOKED";
                    });
        }
    }
}
