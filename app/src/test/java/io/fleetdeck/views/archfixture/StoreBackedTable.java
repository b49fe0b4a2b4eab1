package io.fleetdeck.views.archfixture;

import io.fleetdeck.fleet.store.Database;
import java.nio.file.Path;

/** A deliberate offender: a view that reads the store instead of its port, to prove the architecture test catches it. */
public final class StoreBackedTable {

    public String product(Path file) {
        try (Database store = Database.sqliteFile(file)) {
            return store.product();
        }
    }
}
