package io.fleetdeck.views.settings;

/**
 * Where the console's settings are kept; the application implements it over a file in the data folder. Called on the
 * JavaFX thread, so an implementation must not block it on I/O.
 */
@FunctionalInterface
public interface ConsoleSettingsStore {

    void save(ConsoleSettings settings);
}
