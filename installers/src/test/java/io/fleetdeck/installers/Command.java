package io.fleetdeck.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A command run to completion under timeout(1), so a hang fails the test instead of the build. */
record Command(int exitCode, String output) {

    static final int TIMEOUT_SECONDS = 300;

    static Command run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("timeout", Integer.toString(TIMEOUT_SECONDS)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(TIMEOUT_SECONDS + 10, TimeUnit.SECONDS)).isTrue();
        return new Command(process.exitValue(), output);
    }

    /** Runs a command that must succeed and returns what it printed. */
    static String succeed(String... command) throws IOException, InterruptedException {
        Command result = run(command);
        assertThat(result.exitCode())
                .as("%s exits 0; it printed:%n%s", String.join(" ", command), result.output())
                .isZero();
        return result.output();
    }
}
