package io.fleetdeck.app.cli;

import io.fleetdeck.api.certificates.IssuedBundle;
import io.fleetdeck.broker.tls.DeviceBundleFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fleetdeck device add NAME [--out DIR]}: a thing with its own certificate and the default device policy. */
@Command(
        name = "device",
        description = "Add devices with their own certificates.",
        subcommands = DeviceCommand.Add.class)
final class DeviceCommand {

    @ParentCommand
    FleetdeckCommand parent;

    @Command(
            name = "add",
            description = "Create a thing with a fresh certificate and the default device policy, and write"
                    + " NAME.cert.pem, NAME.private.key and root-ca.pem for the device.")
    static final class Add implements Callable<Integer> {

        @ParentCommand
        DeviceCommand device;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "NAME", description = "The thing name, also the client id the device connects with.")
        String name;

        @Option(names = "--out", paramLabel = "DIR", description = "Where to write the files (default: here).")
        Path out = Path.of(".");

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder, device.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                        IssuedBundle issued = fleet.services()
                                .certificates(fleet.folder().caCertificate())
                                .issueCertificate(name);
                        List<Path> files = new DeviceBundleFiles(out, name)
                                .write(issued.certificatePem(), issued.privateKeyPem(), issued.rootCaPem());
                        return "thing " + name + " certificate "
                                + issued.certificateId() + "\nwrote "
                                + files.stream().map(Path::toString).collect(Collectors.joining(", "));
                    });
        }
    }
}
