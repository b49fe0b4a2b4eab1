package io.fleetdeck.app.cli;

import io.fleetdeck.app.runtime.FleetdeckInstance;
import io.fleetdeck.app.runtime.ShutdownSignal;
import io.fleetdeck.app.startup.StartupException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fleetdeck serve}: runs the services without a window until SIGTERM or SIGINT. Once they are up it prints
 * {@code fleetdeck ready mqtts=<host>:<port> [mqtt=<host>:<port>] data=<dir>} on stdout (see {@link ReadyLine}), the
 * one line scripts wait for; logs go to stderr and the log file.
 */
@Command(name = "serve")
final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    DataFolderOption dataFolder = new DataFolderOption();

    @Mixin
    BrokerPortOptions brokerPorts = new BrokerPortOptions();

    @Mixin
    DownloadServerOptions downloadServer = new DownloadServerOptions();

    @ParentCommand
    FleetdeckCommand parent;

    @Option(names = "--demo")
    boolean demo;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws StartupException, InterruptedException {
        ShutdownSignal shutdown = ShutdownSignal.onTerminationSignals();
        try (FleetdeckInstance instance = FleetdeckInstance.open(
                dataFolder.resolve(parent.dataFolder),
                dataFolder.databaseUrl(parent.dataFolder),
                brokerPorts.toOptions(),
                downloadServer.toOptions(),
                Clock.systemUTC())) {
            if (demo) {
                instance.startDemoFleet();
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(ReadyLine.of(instance));
            out.flush();
            log.info("Ready; stop with SIGTERM or Ctrl+C");
            log.info("Stopping ({})", shutdown.await());
        }
        return 0;
    }
}
