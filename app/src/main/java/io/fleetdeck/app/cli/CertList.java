package io.fleetdeck.app.cli;

import io.fleetdeck.api.certificates.CertificateSummary;
import io.fleetdeck.api.page.PageReader;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fleetdeck cert list [--output json|text]}: every device and claim certificate, with its status. */
@Command(name = "list")
final class CertList implements Callable<Integer> {

    @ParentCommand
    CertCommand cert;

    @Mixin
    DataFolderOption dataFolder = new DataFolderOption();

    @Mixin
    OutputOption output = new OutputOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return OfflineAction.perform(
                dataFolder, cert.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                    List<CertificateSummary> certificates =
                            PageReader.readAll(fleet.services().certificateRegistry()::listCertificates);
                    return output.json()
                            ? CertificatesOutput.listJson(certificates)
                            : CertificatesOutput.listText(certificates);
                });
    }
}
