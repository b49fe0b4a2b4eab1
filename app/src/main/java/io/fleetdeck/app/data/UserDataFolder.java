package io.fleetdeck.app.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where Fleetdeck keeps its data when no {@code --data-dir} is given: the operating system's per-user data folder
 * (XDG on Linux, Application Support on macOS, LocalAppData on Windows).
 */
public final class UserDataFolder {

    private UserDataFolder() {}

    public static Path defaultLocation() {
        return locate(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path locate(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String localAppData = env.get("LOCALAPPDATA");
            Path base = isSet(localAppData)
                    ? Path.of(localAppData)
                    : home.resolve("AppData").resolve("Local");
            return base.resolve("Fleetdeck");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Fleetdeck");
        }
        String xdgDataHome = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        Path base = isSet(xdgDataHome) && Path.of(xdgDataHome).isAbsolute()
                ? Path.of(xdgDataHome)
                : home.resolve(".local").resolve("share");
        return base.resolve("fleetdeck");
    }

    private static boolean isSet(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
