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
 * @param fleetLayout the Fleet section's Aggregations panel and hidden columns
 */
public record ConsoleSettings(
        Theme theme,
        @Nullable WindowGeometry window,
        List<String> recentQueries,
        List<SavedQuery> savedQueries,
        FleetLayout fleetLayout) {

    public ConsoleSettings {
        Objects.requireNonNull(theme, "theme");
        recentQueries = recentQueries == null ? List.of() : List.copyOf(recentQueries);
        savedQueries = savedQueries == null ? List.of() : List.copyOf(savedQueries);
        fleetLayout = fleetLayout == null ? FleetLayout.defaults() : fleetLayout;
    }

    public ConsoleSettings(
            Theme theme, @Nullable WindowGeometry window, List<String> recentQueries, List<SavedQuery> savedQueries) {
        this(theme, window, recentQueries, savedQueries, FleetLayout.defaults());
    }

    public ConsoleSettings(Theme theme, @Nullable WindowGeometry window) {
        this(theme, window, List.of(), List.of());
    }

    /** A first start: dark theme (a control-room tool), window placed by the console. */
    public static ConsoleSettings defaults() {
        return new ConsoleSettings(Theme.DARK, null);
    }

    public ConsoleSettings withTheme(Theme newTheme) {
        return new ConsoleSettings(newTheme, window, recentQueries, savedQueries, fleetLayout);
    }

    public ConsoleSettings withWindow(WindowGeometry newWindow) {
        return new ConsoleSettings(theme, newWindow, recentQueries, savedQueries, fleetLayout);
    }

    public ConsoleSettings withQueries(List<String> recent, List<SavedQuery> saved) {
        return new ConsoleSettings(theme, window, recent, saved, fleetLayout);
    }

    public ConsoleSettings withFleetLayout(FleetLayout layout) {
        return new ConsoleSettings(theme, window, recentQueries, savedQueries, layout);
    }

    public Optional<WindowGeometry> savedWindow() {
        return Optional.ofNullable(window);
    }
}
