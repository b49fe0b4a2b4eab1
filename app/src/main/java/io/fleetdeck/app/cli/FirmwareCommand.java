package io.fleetdeck.app.cli;

import io.fleetdeck.api.firmware.FirmwareCatalog;
import io.fleetdeck.api.firmware.FirmwareImage;
import io.fleetdeck.api.firmware.FirmwareSignature;
import io.fleetdeck.api.firmware.FirmwareVerification;
import io.fleetdeck.api.firmware.NewFirmwareImage;
import io.fleetdeck.app.startup.StartupException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fleetdeck firmware import|list|describe|verify|export-certificate|known-safe|delete|url}: the data folder's
 * firmware catalog, through the service API's {@link FirmwareCatalog}.
 */
@Command(
        name = "firmware",
        subcommands = {
            FirmwareCommand.Import.class,
            FirmwareCommand.ListImages.class,
            FirmwareCommand.Describe.class,
            FirmwareCommand.Verify.class,
            FirmwareExport.class,
            FirmwareCommand.KnownSafe.class,
            FirmwareCommand.Delete.class,
            FirmwareUrl.class
        })
final class FirmwareCommand {

    @ParentCommand
    FleetdeckCommand parent;

    @Command(name = "import")
    static final class Import implements Callable<Integer> {

        @ParentCommand
        FirmwareCommand firmware;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--version", paramLabel = "V", required = true)
        String version;

        @Option(names = "--target", paramLabel = "HW", required = true)
        List<String> targets = List.of();

        @Option(names = "--notes", paramLabel = "TEXT")
        @Nullable String notes;

        @Option(names = "--signature", paramLabel = "FILE")
        @Nullable Path signature;

        @Option(names = "--certificate", paramLabel = "FILE")
        @Nullable Path certificate;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            // the files are read before the data folder is opened: a wrong path costs nothing
            byte[] content = FirmwareFile.image(file);
            Path signatureFile = signature;
            Path certificateFile = certificate;
            NewFirmwareImage image = new NewFirmwareImage(
                    content,
                    file.getFileName() == null ? null : file.getFileName().toString(),
                    version,
                    targets,
                    notes,
                    signatureFile == null ? null : FirmwareFile.signature(signatureFile),
                    certificateFile == null ? null : FirmwareFile.certificate(certificateFile));
            return OfflineAction.perform(
                    dataFolder, firmware.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                        FirmwareImage imported = fleet.services().firmware().importImage(image);
                        return FirmwareOutput.imported(imported);
                    });
        }
    }

    @Command(name = "list")
    static final class ListImages implements Callable<Integer> {

        @ParentCommand
        FirmwareCommand firmware;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Mixin
        OutputOption output = new OutputOption();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder, firmware.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                        List<FirmwareImage> images = fleet.services().firmware().listImages();
                        return output.json() ? FirmwareOutput.listJson(images) : FirmwareOutput.listText(images);
                    });
        }
    }

    @Command(name = "describe")
    static final class Describe implements Callable<Integer> {

        @ParentCommand
        FirmwareCommand firmware;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Mixin
        OutputOption output = new OutputOption();

        @Parameters(paramLabel = "ID")
        String id;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder, firmware.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                        FirmwareCatalog catalog = fleet.services().firmware();
                        FirmwareImage image = catalog.describeImage(id);
                        FirmwareSignature signature = catalog.signature(id);
                        return output.json()
                                ? FirmwareOutput.describeJson(image, signature)
                                : FirmwareOutput.describeText(image, signature);
                    });
        }
    }

    @Command(name = "verify")
    static final class Verify implements Callable<Integer> {

        @ParentCommand
        FirmwareCommand firmware;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "ID", arity = "0..1")
        @Nullable String id;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            return OfflineAction.perform(dataFolder, firmware.parent.dataFolder, out, fleet -> {
                FirmwareCatalog catalog = fleet.services().firmware();
                String one = id;
                List<FirmwareVerification> outcomes =
                        one == null ? catalog.verifyAll() : List.of(catalog.verifyImage(one));
                long failed = outcomes.stream().filter(o -> !o.verified()).count();
                if (failed > 0) {
                    // every outcome is shown before the refusal: which images fail is the point of asking
                    out.println(FirmwareOutput.verifications(outcomes));
                    out.flush();
                    throw new StartupException(CliMessages.say("firmware.verify.failed", failed));
                }
                return outcomes.isEmpty() ? CliMessages.say("firmware.none") : FirmwareOutput.verifications(outcomes);
            });
        }
    }

    @Command(name = "known-safe")
    static final class KnownSafe implements Callable<Integer> {

        @ParentCommand
        FirmwareCommand firmware;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(index = "0", paramLabel = "HW")
        String target;

        @Parameters(index = "1", paramLabel = "VERSION")
        String version;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder, firmware.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                        FirmwareImage image = fleet.services().firmware().markKnownSafe(target, version);
                        return CliMessages.say(
                                "firmware.knownSafe", FirmwareOutput.shortId(image), image.version(), target);
                    });
        }
    }

    @Command(name = "delete")
    static final class Delete implements Callable<Integer> {

        @ParentCommand
        FirmwareCommand firmware;

        @Mixin
        DataFolderOption dataFolder = new DataFolderOption();

        @Parameters(paramLabel = "ID")
        String id;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return OfflineAction.perform(
                    dataFolder, firmware.parent.dataFolder, spec.commandLine().getOut(), fleet -> {
                        FirmwareImage deleted = fleet.services().firmware().deleteImage(id);
                        return CliMessages.say(
                                "firmware.deleted",
                                FirmwareOutput.shortId(deleted),
                                deleted.version(),
                                String.join(", ", deleted.targets()));
                    });
        }
    }
}
