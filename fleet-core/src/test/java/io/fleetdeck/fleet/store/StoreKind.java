package io.fleetdeck.fleet.store;

import java.nio.file.Path;

/**
 * The databases the store tests run on: a test class annotated
 * {@code @ParameterizedClass(name = "on {0}") @EnumSource(StoreKind.class)} with a {@code @Parameter StoreKind store}
 * field runs all its tests once on each. A test's store belongs to its data folder: opening the same folder again
 * reaches the same data, as a restarted console would.
 */
public enum StoreKind {
    SQLITE("SQLite") {
        @Override
        public String jdbcUrl(Path folder) {
            return "jdbc:sqlite:" + file(folder);
        }

        @Override
        public Database open(Path folder) {
            return Database.sqliteFile(file(folder));
        }

        private static Path file(Path folder) {
            return folder.resolve("fleetdeck.db").toAbsolutePath();
        }
    },

    /** A fresh database per data folder on the test JVM's PostgreSQL server; skipped where it is not installed. */
    POSTGRESQL("PostgreSQL") {
        @Override
        public String jdbcUrl(Path folder) {
            return TestPostgres.shared().databaseFor(folder);
        }

        @Override
        public Database open(Path folder) {
            return Database.open(jdbcUrl(folder));
        }
    };

    private final String product;

    StoreKind(String product) {
        this.product = product;
    }

    /** The URL of the store of this data folder (SQLite: its {@code fleetdeck.db}). */
    public abstract String jdbcUrl(Path folder);

    /** Opens the store of this data folder, creating it on first use. */
    public abstract Database open(Path folder);

    /** As {@link Database#product()} names it. */
    public String product() {
        return product;
    }

    @Override
    public String toString() {
        return product;
    }
}
