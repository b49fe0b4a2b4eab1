package io.fleetdeck.lab.archfixture;

import io.fleetdeck.fleet.store.Database;
import java.nio.file.Path;

/** A deliberate offender: device-lab code that opens the store itself instead of provisioning through its port, to prove the architecture test catches it. */
public final class StationStore {

    public String product(Path file) {
        try (Database store = Database.sqliteFile(file)) {
            return store.product();
        }
    }
}
