package io.fleetdeck.app.gui;

import io.fleetdeck.app.startup.StartupException;
import java.util.Locale;

/** Checks up front that there is a screen to open the window on, so a headless start fails with a useful line. */
public final class Display {

    private Display() {}

    public static void requireOne() throws StartupException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        boolean usesX11 = !os.startsWith("windows") && !os.startsWith("mac");
        String display = System.getenv("DISPLAY");
        // JavaFX's GTK backend talks X11 (XWayland on a Wayland desktop), so DISPLAY is what it needs.
        if (usesX11 && (display == null || display.isBlank())) {
            throw new StartupException("no display to open the console window on (DISPLAY is not set);"
                    + " run 'fleetdeck serve' to run without a window");
        }
    }
}
