package io.fleetdeck.sim.archfixture;

import io.fleetdeck.fleet.store.Database;
import java.nio.file.Path;

/** A deliberate offender: a simulated device that reads the store instead of speaking MQTT, to prove the architecture test catches it. */
public final class SimulatedDeviceWithAStore {

    public String product(Path file) {
        try (Database store = Database.sqliteFile(file)) {
            return store.product();
        }
    }
}
