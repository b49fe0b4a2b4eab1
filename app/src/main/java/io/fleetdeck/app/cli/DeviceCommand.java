package io.fleetdeck.app.cli;

import io.fleetdeck.broker.input.BoundedFiles;
import io.fleetdeck.broker.tls.DeviceBundleFiles;
import io.fleetdeck.broker.tls.PemFiles;
import io.fleetdeck.fleet.identity.IdentityService.IssuedCertificate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
                        IssuedCertificate issued = fleet.services().enrollment().enrollDevice(name, Map.of());
                        List<Path> files = new DeviceBundleFiles(out, name)
                                .write(
                                        issued.certificate().pem(),
                                        issued.privateKeyPem(),
                                        BoundedFiles.readString(fleet.folder().caCertificate(), PemFiles.MAX_BYTES));
                        return "thing " + name + " certificate "
                                + issued.certificate().id() + "\nwrote "
                                + files.stream().map(Path::toString).collect(Collectors.joining(", "));
                    });
        }
    }
}
