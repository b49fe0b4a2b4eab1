package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: the launcher raises the soft limit on open files to the hard one (every device connection takes one), and
 * {@code serve} says the limit it got, once, in its log.
 */
class OpenFileLimitIT {

    @TempDir
    Path temp;

    @Test
    void theLauncherRaisesTheSoftLimitToTheHardOneAndServeLogsIt() throws Exception {
        String hard = hardLimitOfThisProcess();
        // HotSpot raises the limit itself on Linux (MaxFDLimit): turned off here, so only the launcher can have done it
        try (FleetdeckProcess serve = FleetdeckProcess.startWithOpenFileLimit(
                512,
                env -> env.put("FLEETDECK_JAVA_OPTS", "-XX:-MaxFDLimit"),
                "serve",
                "--data-dir",
                temp.toString(),
                "--mqtts-port",
                "0")) {
            serve.awaitStdoutLine("fleetdeck ready");
            assertThat(serve.awaitStderrLineContaining("open files: "))
                    .contains("open files: soft " + hard + ", hard " + hard + " (");
            serve.signal("TERM");
            assertThat(serve.awaitExit()).isZero();
            assertThat(serve.stderr().stream().filter(line -> line.contains("open files: ")))
                    .as("logged once")
                    .hasSize(1);
        }
    }

    private static String hardLimitOfThisProcess() throws Exception {
        List<String> limits = Files.readAllLines(Path.of("/proc/self/limits"));
        String line = limits.stream()
                .filter(l -> l.startsWith("Max open files"))
                .findFirst()
                .orElseThrow();
        String hard = line.substring("Max open files".length()).trim().split("\\s+")[1];
        assertThat(hard).as("a hard limit above the 512 the test starts with").isNotEqualTo("512");
        return hard;
    }
}
