package io.fleetdeck.views.settings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the console remembers between starts. Immutable; every change makes a new value.
 *
 * @param window null until the window has been closed once
 * @param recentQueries the fleet queries last run, newest first, without repeats
 * @param savedQueries the fleet queries the user named, in the order they were saved
 */
public record ConsoleSettings(
        Theme theme, @Nullable WindowGeometry window, List<String> recentQueries, List<SavedQuery> savedQueries) {

    public ConsoleSettings {
        Objects.requireNonNull(theme, "theme");
        recentQueries = recentQueries == null ? List.of() : List.copyOf(recentQueries);
        savedQueries = savedQueries == null ? List.of() : List.copyOf(savedQueries);
    }

    public ConsoleSettings(Theme theme, @Nullable WindowGeometry window) {
        this(theme, window, List.of(), List.of());
    }

    /** A first start: dark theme (a control-room tool), window placed by the console. */
    public static ConsoleSettings defaults() {
        return new ConsoleSettings(Theme.DARK, null);
    }

    public ConsoleSettings withTheme(Theme newTheme) {
        return new ConsoleSettings(newTheme, window, recentQueries, savedQueries);
    }

    public ConsoleSettings withWindow(WindowGeometry newWindow) {
        return new ConsoleSettings(theme, newWindow, recentQueries, savedQueries);
    }

    public ConsoleSettings withQueries(List<String> recent, List<SavedQuery> saved) {
        return new ConsoleSettings(theme, window, recent, saved);
    }

    public Optional<WindowGeometry> savedWindow() {
        return Optional.ofNullable(window);
    }
}
