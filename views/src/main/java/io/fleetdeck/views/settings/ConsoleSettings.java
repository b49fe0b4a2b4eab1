package io.fleetdeck.views.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * What the console remembers between starts. Immutable; every change makes a new value.
 *
 * @param window null until the window has been closed once
 */
public record ConsoleSettings(Theme theme, WindowGeometry window) {

    public ConsoleSettings {
        Objects.requireNonNull(theme, "theme");
    }

    /** A first start: dark theme (a control-room tool), window placed by the console. */
    public static ConsoleSettings defaults() {
        return new ConsoleSettings(Theme.DARK, null);
    }

    public ConsoleSettings withTheme(Theme newTheme) {
        return new ConsoleSettings(newTheme, window);
    }

    public ConsoleSettings withWindow(WindowGeometry newWindow) {
        return new ConsoleSettings(theme, newWindow);
    }

    public Optional<WindowGeometry> savedWindow() {
        return Optional.ofNullable(window);
    }
}
