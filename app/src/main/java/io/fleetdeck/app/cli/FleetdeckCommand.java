package io.fleetdeck.app.cli;

import io.fleetdeck.app.runtime.FleetdeckVersion;
import io.fleetdeck.app.startup.StartupException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code fleetdeck}: opens the console when no subcommand is given. */
@Command(
        name = "fleetdeck",
        mixinStandardHelpOptions = true,
        versionProvider = FleetdeckCommand.Version.class,
        resourceBundle = "io.fleetdeck.app.cli.help",
        subcommands = {
            GuiCommand.class,
            ServeCommand.class,
            VersionCommand.class,
            DeviceCommand.class,
            CertCommand.class,
            PolicyCommand.class,
            ShadowCommand.class,
            ThingCommand.class,
            ThingTypeCommand.class,
            GroupCommand.class,
            FirmwareCommand.class,
            JobCommand.class,
            SearchCommand.class,
            StatsCommand.class
        })
public final class FleetdeckCommand implements Callable<Integer> {

    @Mixin
    DataFolderOption dataFolder = new DataFolderOption();

    @Mixin
    BrokerPortOptions brokerPorts = new BrokerPortOptions();

    @Mixin
    DownloadServerOptions downloadServer = new DownloadServerOptions();

    @Mixin
    DemoOption demo = new DemoOption();

    @Option(names = "--verbose", scope = ScopeType.INHERIT)
    boolean verbose;

    /** The configured command line: one-line errors, exit code 2 for bad input and refused starts. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new FleetdeckCommand());
        line.setParameterExceptionHandler(CliErrors::badInput);
        line.setExecutionExceptionHandler(CliErrors::failedRun);
        // picocli would read an argument "@FILE" as a file of arguments, whole and unbounded ("@/dev/zero" fills the
        // heap); no documented option uses it, and JSON never starts with '@', so an argument is always taken as typed
        line.setExpandAtFiles(false);
        line.setExecutionStrategy(parsed -> {
            ConsoleLog.chooseFor(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        CommandHelp.addTo(line);
        return line;
    }

    @Override
    public Integer call() throws StartupException, InterruptedException {
        return new GuiCommand()
                .run(
                        dataFolder.resolve(null),
                        dataFolder.databaseUrl(null),
                        brokerPorts.toOptions(),
                        downloadServer.toOptions(),
                        !demo.noDemo);
    }

    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            return new String[] {"fleetdeck " + FleetdeckVersion.current()};
        }
    }
}
