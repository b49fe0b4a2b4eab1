package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fleetdeck serve} as a script runs it: wait for the ready line, stop with a signal, check the exit code. */
class ServeIT {

    @TempDir
    Path temp;

    @Test
    void serveSaysReadyAndStopsCleanlyOnSigterm() throws Exception {
        Path data = temp.resolve("site data");
        try (FleetdeckProcess serve =
                FleetdeckProcess.start("serve", "--data-dir", data.toString(), "--mqtts-port", "0")) {
            String ready = serve.awaitStdoutLine("fleetdeck ready");

            assertThat(ready)
                    .matches("fleetdeck ready mqtts=127\\.0\\.0\\.1:\\d+ data="
                            + Pattern.quote(data.toRealPath().toString()));
            assertThat(data.resolve("fleetdeck.lock")).hasContent(Long.toString(serve.pid()));

            serve.signal("TERM");

            assertThat(serve.awaitExit()).isZero();
            assertThat(serve.stdout()).as("stdout carries only the ready line").containsExactly(ready);
        }
        assertThat(data.resolve("fleetdeck.lock")).doesNotExist();
        assertThat(Files.readString(data.resolve("logs/fleetdeck.log")))
                .contains("starting on data folder " + data.toRealPath())
                .contains("Stopping (SIGTERM)");
    }

    @Test
    void ctrlCStopsServeCleanlyToo() throws Exception {
        try (FleetdeckProcess serve =
                FleetdeckProcess.start("--data-dir", temp.toString(), "serve", "--mqtts-port", "0")) {
            serve.awaitStdoutLine("fleetdeck ready");

            serve.signal("INT");

            assertThat(serve.awaitExit()).isZero();
        }
        assertThat(temp.resolve("fleetdeck.lock")).doesNotExist();
    }

    @Test
    void aSigtermPassedOnByTimeoutStopsServeCleanly() throws Exception {
        try (FleetdeckProcess serve =
                FleetdeckProcess.startUnderTimeout("serve", "--data-dir", temp.toString(), "--mqtts-port", "0")) {
            serve.awaitStdoutLine("fleetdeck ready");

            serve.signal("TERM");

            assertThat(serve.awaitExit())
                    .as("timeout(1) exits with the application's code")
                    .isZero();
            assertThat(serve.stderr()).noneMatch(line -> line.contains("exiting now"));
        }
        assertThat(temp.resolve("fleetdeck.lock")).doesNotExist();
    }

    @Test
    void aSecondInstanceOnTheSameDataFolderIsRefusedWithTheHoldersPid() throws Exception {
        try (FleetdeckProcess first =
                FleetdeckProcess.start("serve", "--data-dir", temp.toString(), "--mqtts-port", "0")) {
            first.awaitStdoutLine("fleetdeck ready");

            try (FleetdeckProcess second =
                    FleetdeckProcess.start("serve", "--data-dir", temp.toString(), "--mqtts-port", "0")) {
                assertThat(second.awaitExit()).isEqualTo(2);
                assertThat(second.stdout()).isEmpty();
                assertThat(second.stderr())
                        .containsExactly("fleetdeck: data folder " + temp.toRealPath()
                                + " is in use by another Fleetdeck (PID " + first.pid()
                                + "); stop that one or choose another folder with --data-dir");
            }

            assertThat(temp.resolve("fleetdeck.lock"))
                    .as("the refused instance leaves the holder's lock alone")
                    .hasContent(Long.toString(first.pid()));
            first.signal("TERM");
            assertThat(first.awaitExit()).isZero();
        }
    }

    @Test
    void theFolderIsFreeAgainAfterAStop() throws Exception {
        for (int run = 0; run < 2; run++) {
            try (FleetdeckProcess serve =
                    FleetdeckProcess.start("serve", "--data-dir", temp.toString(), "--mqtts-port", "0")) {
                serve.awaitStdoutLine("fleetdeck ready");
                serve.signal("TERM");
                assertThat(serve.awaitExit()).isZero();
            }
        }
    }
}
