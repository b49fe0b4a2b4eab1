package io.fleetdeck.views.settings;

import java.util.Objects;

/** A fleet query the user keeps under a name: {@code Low battery} → {@code shadow.reported.battery<20}. */
public record SavedQuery(String name, String query) {

    public SavedQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
        if (name.isBlank() || query.isBlank()) {
            throw new IllegalArgumentException("a saved query needs a name and a query");
        }
    }
}
