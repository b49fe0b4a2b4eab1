package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a data folder on a read-only disk (a read-only bind mount: root, which the tests run as, passes over file
 * permissions). Reading commands answer from it; changes are refused in one line that says why; {@code serve}, which
 * must write, is refused at start in one line.
 */
class ReadOnlyFolderIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path readOnly;

    @AfterEach
    void unmount() throws Exception {
        if (readOnly != null) {
            Disk.unmount(readOnly);
        }
    }

    @Test
    void readingCommandsWorkAndChangesAreRefusedInOneLine() throws Exception {
        Path data = temp.resolve("data");
        assertSucceeds(FleetdeckProcess.runOn(data, "thing", "create", "pump-7"));
        assertSucceeds(FleetdeckProcess.runOn(
                data, "shadow", "update", "pump-7", "{\"state\":{\"reported\":{\"temperature\":21.5}}}"));
        readOnly = Disk.readOnlyView(data, temp.resolve("read-only"));
        String refusal = "data folder " + readOnly.toRealPath() + " is read-only; changes cannot be made there";

        FleetdeckProcess get = FleetdeckProcess.runOn(readOnly, "shadow", "get", "pump-7");
        assertSucceeds(get);
        assertThat(JSON.readTree(get.stdout().getFirst())
                        .at("/state/reported/temperature")
                        .asDouble())
                .isEqualTo(21.5);
        assertThat(FleetdeckProcess.runOn(readOnly, "search", "shadow.reported.temperature>20")
                        .stdout())
                .containsExactly("pump-7");

        FleetdeckProcess create = FleetdeckProcess.runOn(readOnly, "thing", "create", "pump-8");
        assertThat(create.awaitExit()).isEqualTo(2);
        assertThat(create.stderr())
                .filteredOn(line -> line.startsWith("fleetdeck: "))
                .containsExactly("fleetdeck: " + refusal);
        FleetdeckProcess update = FleetdeckProcess.runOn(
                readOnly, "shadow", "update", "pump-7", "{\"state\":{\"reported\":{\"temperature\":30}}}");
        assertThat(update.awaitExit()).isEqualTo(2);
        assertThat(update.stderr())
                .filteredOn(line -> line.startsWith("fleetdeck: "))
                .containsExactly("fleetdeck: 500 Internal service failure (" + refusal + ")");

        try (FleetdeckProcess serve =
                FleetdeckProcess.start("serve", "--data-dir", readOnly.toString(), "--mqtts-port", "0")) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(serve.stderr())
                    .containsExactly("fleetdeck: data folder " + readOnly.toRealPath()
                            + " is not writable: Read-only file system");
        }
        assertThat(FleetdeckProcess.runOn(data, "shadow", "get", "pump-7")
                        .stdout()
                        .getFirst())
                .as("nothing changed")
                .contains("\"version\":1");
    }

    private static void assertSucceeds(FleetdeckProcess command) throws InterruptedException {
        assertThat(command.awaitExit())
                .as("exit code; stderr: %s", command.stderr())
                .isZero();
    }
}
