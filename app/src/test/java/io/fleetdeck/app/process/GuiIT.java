package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console window as a user starts it (a real X display: Xvfb under ./test), stopped the way a desktop does. */
class GuiIT {

    @TempDir
    Path temp;

    @Test
    void theConsoleOpensAndStopsCleanlyOnSigtermRememberingTheWindow() throws Exception {
        assertThat(System.getenv("DISPLAY"))
                .as("a display to open the window on; ./test starts Xvfb")
                .isNotBlank();

        try (FleetdeckProcess gui = FleetdeckProcess.start("--data-dir", temp.toString(), "--mqtts-port", "0")) {
            gui.awaitStderrLineContaining("Console window shown");
            assertThat(temp.resolve("fleetdeck.lock")).exists();

            gui.signal("TERM");

            assertThat(gui.awaitExit()).isZero();
        }
        assertThat(temp.resolve("fleetdeck.lock")).doesNotExist();
        assertThat(temp.resolve("cache/javafx"))
                .as("JavaFX extracts its native libraries into the data folder, not ~/.openjfx")
                .isDirectoryContaining("glob:**/libglassgtk3.so");
        assertThat(Files.readString(temp.resolve("settings.json")))
                .contains("\"theme\" : \"DARK\"")
                .contains("\"width\" : 1280.0");
    }
}
