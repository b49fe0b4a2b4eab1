package io.fleetdeck.views.settings;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The one current copy of the console's settings, shared by every part of the window that changes them (the shell's
 * theme and placement, the Fleet view's queries), so that one part's save never writes back another's old value.
 * Owned by the JavaFX thread; the store writes off it.
 */
public final class ConsoleMemory {

    private final ConsoleSettingsStore store;
    private ConsoleSettings settings;

    public ConsoleMemory(ConsoleSettings settings, ConsoleSettingsStore store) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
    }

    public ConsoleSettings settings() {
        return settings;
    }

    /** Applies {@code change} to the current settings and saves the result when it differs. */
    public void change(UnaryOperator<ConsoleSettings> change) {
        ConsoleSettings changed = change.apply(settings);
        if (!changed.equals(settings)) {
            settings = changed;
            store.save(changed);
        }
    }
}
