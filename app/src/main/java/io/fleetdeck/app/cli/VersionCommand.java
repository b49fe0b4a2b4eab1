package io.fleetdeck.app.cli;

import io.fleetdeck.app.runtime.FleetdeckVersion;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fleetdeck version}: one line with the version, the Java runtime and the platform. */
@Command(name = "version")
final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "fleetdeck %s (Java %s, %s %s)%n",
                        FleetdeckVersion.current(),
                        Runtime.version(),
                        System.getProperty("os.name"),
                        System.getProperty("os.arch"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
