package io.fleetdeck.app.cli;

import io.fleetdeck.api.certificates.CertificateService;
import io.fleetdeck.api.certificates.CertificateStatusChange;
import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
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
        subcommands = {CertCommand.Revoke.class, CertList.class})
final class CertCommand {

    @ParentCommand
    FleetdeckCommand parent;

    @Command(name = "revoke")
    static final class Revoke implements Callable<Integer> {

        @ParentCommand
        CertCommand cert;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "ID")
        String id;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder, cert.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                        CertificateService certificates =
                                fleet.services().certificates(fleet.folder().caCertificate());
                        CertificateRow certificate = certificates.describeCertificate(id);
                        if (certificate.status().equals(CertificateStatusChange.REVOKED.name())) {
                            // revoking is for good; asking twice is no error, and nothing changes
                            return CliMessages.say("cert.alreadyRevoked", certificate.id());
                        }
                        certificates.updateCertificate(certificate.id(), CertificateStatusChange.REVOKED);
                        return CliMessages.say("cert.revoked", certificate.id());
                    });
        }
    }
}
