package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad start ends in one line on stderr that says what and where, exit code 2, and nothing overwritten. */
class BadInputIT {

    @TempDir
    Path temp;

    @Test
    void anUnknownOption() throws Exception {
        try (FleetdeckProcess fleetdeck = FleetdeckProcess.start("serve", "--data-dir", temp.toString(), "--turbo")) {
            assertThat(fleetdeck.awaitExit()).isEqualTo(2);
            assertThat(fleetdeck.stderr())
                    .containsExactly("fleetdeck: Unknown option: '--turbo' (see 'fleetdeck serve --help')");
        }
    }

    @Test
    void aDataFolderThatCannotBeCreated() throws Exception {
        Path file = Files.writeString(temp.resolve("occupied"), "a file, not a folder");
        Path data = file.resolve("data");

        try (FleetdeckProcess fleetdeck = FleetdeckProcess.start("serve", "--data-dir", data.toString())) {
            assertThat(fleetdeck.awaitExit()).isEqualTo(2);
            assertThat(fleetdeck.stderr())
                    .singleElement()
                    .asString()
                    .startsWith("fleetdeck: cannot create data folder " + data);
        }
        assertThat(file).hasContent("a file, not a folder");
    }

    /** Issue 15, defect 12: this said "NoSuchFileException /proc/nope". */
    @Test
    void aDataFolderWhereNoFolderCanBeMadeIsRefusedInWords() throws Exception {
        try (FleetdeckProcess fleetdeck = FleetdeckProcess.start("serve", "--data-dir", "/proc/nope")) {
            assertThat(fleetdeck.awaitExit()).isEqualTo(2);
            assertThat(fleetdeck.stderr())
                    .containsExactly("fleetdeck: cannot create data folder /proc/nope: /proc takes no new files or"
                            + " folders (no such file or folder: /proc/nope)");
        }
    }

    /** Issue 13, defect 5: an empty --data-dir (a script's variable that came out empty) was the current folder. */
    @Test
    void anEmptyDataFolderIsRefusedAndNothingIsWrittenWhereTheCommandRan() throws Exception {
        Path cwd = Files.createDirectory(temp.resolve("cwd"));
        for (String[] command : List.of(
                new String[] {"thing", "create", "pump-7", "--data-dir", ""},
                new String[] {"serve", "--data-dir", " ", "--mqtts-port", "0"},
                new String[] {"--data-dir", "", "shadow", "get", "pump-7"})) {
            try (FleetdeckProcess fleetdeck = FleetdeckProcess.startIn(cwd, command)) {
                assertThat(fleetdeck.awaitExit()).isEqualTo(2);
                assertThat(fleetdeck.stderr())
                        .singleElement()
                        .asString()
                        .startsWith("fleetdeck: Invalid value for option '--data-dir': a")
                        .contains("path", "is not a data folder");
                assertThat(fleetdeck.stdout()).isEmpty();
            }
        }
        try (Stream<Path> written = Files.list(cwd)) {
            assertThat(written).as("files written where the command ran").isEmpty();
        }
    }

    @Test
    void aCorruptSettingsFileIsMovedAsideAndTheNextStartUsesTheDefaults() throws Exception {
        Path settings = Files.writeString(temp.resolve("settings.json"), "{\"theme\": DARK");

        try (FleetdeckProcess fleetdeck =
                FleetdeckProcess.start("serve", "--data-dir", temp.toString(), "--mqtts-port", "0")) {
            assertThat(fleetdeck.awaitExit()).isEqualTo(2);
            assertThat(fleetdeck.stderr())
                    .singleElement()
                    .asString()
                    .startsWith("fleetdeck: settings file " + temp.toRealPath().resolve("settings.json")
                            + " is not valid (line 1, column ")
                    .contains("moved it to ");
        }
        assertThat(settings).doesNotExist();
        List<Path> aside = corruptCopies();
        assertThat(aside).singleElement().satisfies(copy -> assertThat(copy).hasContent("{\"theme\": DARK"));
        assertThat(temp.resolve("fleetdeck.lock"))
                .as("the refused start released the folder")
                .doesNotExist();

        try (FleetdeckProcess again =
                FleetdeckProcess.start("serve", "--data-dir", temp.toString(), "--mqtts-port", "0")) {
            again.awaitStdoutLine("fleetdeck ready");
            again.signal("TERM");
            assertThat(again.awaitExit()).isZero();
        }
    }

    @Test
    void theWindowWithoutADisplay() throws Exception {
        try (FleetdeckProcess fleetdeck =
                FleetdeckProcess.start(env -> env.remove("DISPLAY"), "--data-dir", temp.toString())) {
            assertThat(fleetdeck.awaitExit()).isEqualTo(2);
            assertThat(fleetdeck.stderr())
                    .containsExactly("fleetdeck: no display to open the console window on (DISPLAY is not set);"
                            + " run 'fleetdeck serve' to run without a window");
        }
    }

    private List<Path> corruptCopies() throws Exception {
        try (Stream<Path> files = Files.list(temp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("settings.json.corrupt-"))
                    .toList();
        }
    }
}
