package io.fleetdeck.app.cli;

import io.fleetdeck.app.runtime.DownloadOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --download-port}, {@code --download-host}: where the firmware download server listens. */
public final class DownloadServerOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private int port;
    private String host = DownloadOptions.DEFAULT_HOST;

    @Option(names = "--download-port", paramLabel = "N")
    void port(int port) {
        if (port < 0 || port > 65535) {
            throw new ParameterException(
                    spec.commandLine(), CliMessages.say("option.port", "--download-port", Integer.toString(port)));
        }
        this.port = port;
    }

    @Option(names = "--download-host", paramLabel = "HOST")
    void host(String host) {
        if (host.isBlank()) {
            throw new ParameterException(spec.commandLine(), CliMessages.say("delivery.option.host"));
        }
        this.host = host.strip();
    }

    DownloadOptions toOptions() {
        return new DownloadOptions(host, port);
    }
}
