package io.fleetdeck.api.event;

import java.util.Locale;

/** How a registry resource changed; {@link #operation()} is the word AWS's registry events use. */
public enum Change {
    CREATED,
    UPDATED,
    DELETED,
    /** A thing group renamed in the console (AWS has no rename; its events tell it as deleted and created). */
    RENAMED;

    /** {@code created}, {@code updated}, {@code deleted}, {@code renamed}: the last level of AWS's event topics. */
    public String operation() {
        return name().toLowerCase(Locale.ROOT);
    }
}
