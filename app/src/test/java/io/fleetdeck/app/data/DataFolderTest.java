package io.fleetdeck.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdeck.app.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
