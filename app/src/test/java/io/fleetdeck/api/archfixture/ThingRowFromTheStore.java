package io.fleetdeck.api.archfixture;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A deliberate offender: a service-API type that reads the store itself, which a remote implementation could never
 * do, to prove the architecture test catches it.
 */
public record ThingRowFromTheStore(String thing) {

    public static ThingRowFromTheStore first(Connection store) throws SQLException {
        try (var rows = store.createStatement().executeQuery("SELECT name FROM thing LIMIT 1")) {
            rows.next();
            return new ThingRowFromTheStore(rows.getString(1));
        }
    }
}
