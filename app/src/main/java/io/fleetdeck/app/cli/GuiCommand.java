package io.fleetdeck.app.cli;

import io.fleetdeck.app.gui.ConsoleHost;
import io.fleetdeck.app.gui.ConsoleSources;
import io.fleetdeck.app.gui.Display;
import io.fleetdeck.app.runtime.BrokerOptions;
import io.fleetdeck.app.runtime.DownloadOptions;
import io.fleetdeck.app.runtime.EmbeddedBroker;
import io.fleetdeck.app.runtime.FleetdeckInstance;
import io.fleetdeck.app.runtime.FleetdeckVersion;
import io.fleetdeck.app.runtime.ShutdownSignal;
import io.fleetdeck.app.settings.SettingsWriter;
import io.fleetdeck.app.startup.StartupException;
import io.fleetdeck.views.shell.ConsoleInfo;
import io.fleetdeck.views.shell.ConsoleInfo.BrokerEndpoint;
import io.fleetdeck.views.shell.ServiceState;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fleetdeck gui} (the default): the console window over the services. Closing the window, SIGTERM and
 * Ctrl+C all end in the same orderly shutdown and exit code 0.
 */
@Command(name = "gui")
final class GuiCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(GuiCommand.class);

    @Mixin
    DataFolderOption dataFolder = new DataFolderOption();

    @Mixin
    BrokerPortOptions brokerPorts = new BrokerPortOptions();

    @Mixin
    DownloadServerOptions downloadServer = new DownloadServerOptions();

    @ParentCommand
    FleetdeckCommand parent;

    @Mixin
    DemoOption demo = new DemoOption();

    @Override
    public Integer call() throws StartupException, InterruptedException {
        return run(
                dataFolder.resolve(parent == null ? null : parent.dataFolder),
                dataFolder.databaseUrl(parent == null ? null : parent.dataFolder),
                brokerPorts.toOptions(),
                downloadServer.toOptions(),
                !demo.noDemo && (parent == null || !parent.demo.noDemo));
    }

    Integer run(
            Path folder,
            @Nullable String databaseUrl,
            BrokerOptions brokerOptions,
            DownloadOptions downloadOptions,
            boolean demoFleet)
            throws StartupException, InterruptedException {
        Display.requireOne();
        ShutdownSignal shutdown = ShutdownSignal.onTerminationSignals();
        try (FleetdeckInstance instance =
                        FleetdeckInstance.open(folder, databaseUrl, brokerOptions, downloadOptions, Clock.systemUTC());
                SettingsWriter settings = new SettingsWriter(instance.settingsFile());
                ConsoleHost console = ConsoleHost.open(
                        instance.dataFolder().cacheFolder().resolve("javafx"),
                        new ConsoleInfo(
                                instance.dataFolder().toString(),
                                FleetdeckVersion.current(),
                                brokerEndpoint(instance.broker())),
                        instance.settings(),
                        settings,
                        ConsoleSources.of(instance),
                        () -> shutdown.request("console window closed"))) {
            if (demoFleet) {
                instance.startDemoFleet();
            }
            // the status bar says when the data folder's disk is full, and when space is back (issue 13, defect 6)
            instance.space()
                    .onChange(full -> console.servicesChanged(full ? ServiceState.DISK_FULL : ServiceState.RUNNING));
            console.servicesChanged(instance.space().wasFull() ? ServiceState.DISK_FULL : ServiceState.RUNNING);
            log.info("Stopping ({})", shutdown.await());
        }
        return 0;
    }

    /** The ports, not a sentence: the status bar words them in the console's language. */
    private static BrokerEndpoint brokerEndpoint(EmbeddedBroker broker) {
        return new BrokerEndpoint(
                broker.tlsAddress().getPort(),
                broker.plainAddress().map(InetSocketAddress::getPort).orElse(null),
                broker.standardProfile());
    }
}
