package io.fleetdeck.bench.shadow;

import io.fleetdeck.fleet.store.Database;
import io.fleetdeck.fleet.store.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A store the benchmark runs on: an SQLite file per run in the benchmark's folder, and, where PostgreSQL is installed,
 * a fresh database per run on a throwaway local server (the store tests' own, fsync on).
 */
record StoreUnderTest(String name, Path folder, boolean postgres) {

    static List<StoreUnderTest> available(Path folder) {
        List<StoreUnderTest> stores = new ArrayList<>(List.of(new StoreUnderTest("SQLite", folder, false)));
        try {
            TestPostgres.shared();
            stores.add(new StoreUnderTest("PostgreSQL", folder, true));
        } catch (RuntimeException notInstalled) {
            System.out.printf(Locale.ROOT, "PostgreSQL: not run (%s)%n", notInstalled.getMessage());
        }
        return stores;
    }

    /** A fresh, empty store for one run. */
    Database open(String run) {
        return postgres
                ? Database.open(TestPostgres.shared().databaseFor(folder.resolve(run)))
                : Database.sqliteFile(folder.resolve(run + ".db"));
    }
}
