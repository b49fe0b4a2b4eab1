package io.fleetdeck.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDataFolderTest {

    private final Path home = Path.of("/home/ana");

    @Test
    void linuxUsesXdgDataHome() {
        assertThat(UserDataFolder.locate("Linux", Map.of("XDG_DATA_HOME", "/data/ana"), home))
                .isEqualTo(Path.of("/data/ana/fleetdeck"));
    }

    @Test
    void linuxFallsBackToLocalShareWhenXdgIsUnsetOrRelative() {
        assertThat(UserDataFolder.locate("Linux", Map.of(), home))
                .isEqualTo(Path.of("/home/ana/.local/share/fleetdeck"));
        assertThat(UserDataFolder.locate("Linux", Map.of("XDG_DATA_HOME", "relative/dir"), home))
                .isEqualTo(Path.of("/home/ana/.local/share/fleetdeck"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(UserDataFolder.locate("Mac OS X", Map.of(), home))
                .isEqualTo(Path.of("/home/ana/Library/Application Support/Fleetdeck"));
    }

    @Test
    void windowsUsesLocalAppData() {
        assertThat(UserDataFolder.locate("Windows 11", Map.of("LOCALAPPDATA", "/c/Users/ana/AppData/Local"), home))
                .isEqualTo(Path.of("/c/Users/ana/AppData/Local/Fleetdeck"));
    }
}
