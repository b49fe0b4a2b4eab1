package io.fleetdeck.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdeck.app.startup.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {

    @TempDir
    Path temp;

    @Test
    void aMissingFolderIsCreatedWithItsParents() throws Exception {
        DataFolder folder = DataFolder.open(temp.resolve("site/a/fleetdeck"));

        assertThat(folder.root())
                .isDirectory()
                .isEqualTo(temp.resolve("site/a/fleetdeck").toRealPath());
        assertThat(folder.lockFile()).isEqualTo(folder.root().resolve("fleetdeck.lock"));
        assertThat(folder.settingsFile()).isEqualTo(folder.root().resolve("settings.json"));
        assertThat(folder.logsFolder()).isEqualTo(folder.root().resolve("logs"));
        try (var left = Files.list(folder.root())) {
            assertThat(left).as("the write test leaves nothing behind").isEmpty();
        }
    }

    @Test
    void aFolderThatCannotBeCreatedIsNamedInTheError() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");

        assertThatThrownBy(() -> DataFolder.open(file.resolve("data")))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("cannot create data folder " + file.resolve("data"));
    }

    @Test
    void aFileInPlaceOfTheFolderIsRefusedAndKept() throws IOException {
        Path file = Files.writeString(temp.resolve("data"), "keep me");

        assertThatThrownBy(() -> DataFolder.open(file)).isInstanceOf(StartupException.class);
        assertThat(file).hasContent("keep me");
    }

    @Test
    void anEmptyOrBlankPathIsRefusedAndNothingIsWrittenInTheCurrentFolder() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        List<Path> before = listing(cwd);

        assertThatThrownBy(() -> DataFolder.open(Path.of("")))
                .isInstanceOf(StartupException.class)
                .hasMessage("--data-dir: an empty path is not a data folder; give a folder, or leave --data-dir out"
                        + " for the per-user data folder");
        assertThatThrownBy(() -> DataFolder.open(Path.of(" ")))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("--data-dir: a blank path (' ') is not a data folder");
        assertThat(listing(cwd)).isEqualTo(before);
    }

    private static List<Path> listing(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
