package io.fleetdeck.app.cli;

import io.fleetdeck.api.firmware.FirmwareCatalog;
import io.fleetdeck.api.firmware.FirmwareSignature;
import io.fleetdeck.app.data.FileProblem;
import io.fleetdeck.app.startup.StartupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code fleetdeck firmware export-certificate ID [--out DIR] [--image]}: what a device or a person verifies an image
 * with, as openssl reads it: {@code ID.cert.pem} (the signer's certificate), {@code ID.sig} (the DER signature) and,
 * when asked, {@code ID.bin} (the image, only once it verified).
 */
@Command(name = "export-certificate")
final class FirmwareExport implements Callable<Integer> {

    @ParentCommand
    FirmwareCommand firmware;

    @Mixin
    DataFolderOption dataFolder = new DataFolderOption();

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--out", paramLabel = "DIR")
    Path out = Path.of(".");

    @Option(names = "--image")
    boolean image;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return OfflineAction.perform(
                dataFolder, firmware.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                    FirmwareCatalog catalog = fleet.services().firmware();
                    FirmwareSignature signature = catalog.signature(id);
                    String name = FirmwareOutput.shortId(signature.imageId());
                    List<String> lines = new ArrayList<>();
                    Path certificate = write(
                            out.resolve(name + ".cert.pem"),
                            signature.certificatePem().getBytes(StandardCharsets.US_ASCII));
                    lines.add(CliMessages.say("firmware.exported.certificate", certificate.toString()));
                    Path sig = write(out.resolve(name + ".sig"), signature.signature());
                    lines.add(CliMessages.say("firmware.exported.signature", sig.toString()));
                    Path bin = out.resolve(name + ".bin");
                    if (image) {
                        write(bin, catalog.offerImage(id));
                        lines.add(CliMessages.say("firmware.exported.image", bin.toString()));
                    }
                    lines.add(CliMessages.say(
                            "firmware.exported.check", certificate.toString(), sig.toString(), bin.toString()));
                    return String.join("\n", lines);
                });
    }

    private static Path write(Path file, byte[] content) throws StartupException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.write(file, content);
        } catch (IOException e) {
            throw new StartupException(CliMessages.say("firmware.file.unwritable", file.toString(), FileProblem.of(e)));
        }
    }
}
