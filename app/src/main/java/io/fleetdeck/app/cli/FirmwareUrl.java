package io.fleetdeck.app.cli;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.firmware.DownloadLink;
import io.fleetdeck.api.firmware.FirmwareDelivery;
import io.fleetdeck.app.runtime.RunningDownloads;
import io.fleetdeck.app.startup.StartupException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fleetdeck firmware url ID [--valid-seconds S]}: prints a download link to the running instance's firmware
 * server, and nothing else, so a script can hand it to curl. Unlike the other firmware commands it needs the instance
 * that holds the data folder: the link points at that instance's server.
 */
@Command(name = "url")
final class FirmwareUrl implements Callable<Integer> {

    @ParentCommand
    FirmwareCommand firmware;

    @Mixin
    DataFolderOption dataFolder = new DataFolderOption();

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--valid-seconds", paramLabel = "S", defaultValue = "1800")
    long validSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws StartupException {
        FirmwareDelivery delivery;
        try {
            delivery = RunningDownloads.of(dataFolder.resolve(firmware.parent.dataFolder), Clock.systemUTC());
        } catch (RunningDownloads.NoInstance e) {
            throw new StartupException(CliMessages.say("delivery.noInstance", e.folder()));
        }
        try {
            DownloadLink link = delivery.downloadLink(id, validSeconds);
            PrintWriter out = spec.commandLine().getOut();
            out.println(link.url());
            out.flush();
            return 0;
        } catch (FleetApiException e) {
            throw new StartupException(e.errorCode() + ": " + e.getMessage());
        }
    }
}
