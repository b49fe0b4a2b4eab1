package io.fleetdeck.app.cli;

import io.fleetdeck.api.certificates.CertificateService;
import io.fleetdeck.api.certificates.CertificateStatusChange;
import io.fleetdeck.api.certificates.IssuedBundle;
import io.fleetdeck.app.data.FileProblem;
import io.fleetdeck.app.startup.StartupException;
import io.fleetdeck.broker.tls.DeviceBundleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fleetdeck device add NAME [--out DIR] [--force]}: a thing with its own certificate and the default policy. */
@Command(name = "device", subcommands = DeviceCommand.Add.class)
final class DeviceCommand {

    @ParentCommand
    FleetdeckCommand parent;

    @Command(name = "add")
    static final class Add implements Callable<Integer> {

        @ParentCommand
        DeviceCommand device;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--out", paramLabel = "DIR")
        Path out = Path.of(".");

        @Option(names = "--force")
        boolean force;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            DeviceBundleFiles files = new DeviceBundleFiles(out, name);
            List<Path> existing = Stream.of(files.certificate(), files.privateKey())
                    .filter(Files::exists)
                    .toList();
            if (!existing.isEmpty() && !force) {
                // the key exists nowhere else: a second certificate would orphan the first, ACTIVE without its key
                throw new StartupException(CliMessages.say(
                        "device.filesExist",
                        joined(existing),
                        existing.size(),
                        files.certificate().toString()));
            }
            return OfflineAction.perform(
                    dataFolder, device.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                        CertificateService certificates =
                                fleet.services().certificates(fleet.folder().caCertificate());
                        String replaced = existing.isEmpty()
                                ? ""
                                : new ReplacedCertificate(files.certificate()).revoke(certificates) + "\n";
                        return replaced + issue(certificates, files);
                    });
        }

        /** A new certificate and its files; revoked again when its key cannot be written, so none is orphaned. */
        private String issue(CertificateService certificates, DeviceBundleFiles files) throws Exception {
            IssuedBundle issued = certificates.issueCertificate(name);
            List<Path> written;
            try {
                written = files.write(issued.certificatePem(), issued.privateKeyPem(), issued.rootCaPem());
            } catch (IOException e) {
                certificates.updateCertificate(issued.certificateId(), CertificateStatusChange.REVOKED);
                throw new StartupException(
                        CliMessages.say(
                                "device.cannotWrite",
                                name,
                                String.valueOf(out),
                                FileProblem.of(e),
                                issued.certificateId()),
                        e);
            }
            // the first line is read by scripts for the certificate id, so it stays the same in every language
            return "thing " + name + " certificate " + issued.certificateId() + "\n"
                    + CliMessages.say("device.wrote", joined(written));
        }

        private static String joined(List<Path> files) {
            return files.stream().map(Path::toString).collect(Collectors.joining(", "));
        }
    }
}
