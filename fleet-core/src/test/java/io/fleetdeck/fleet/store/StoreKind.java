package io.fleetdeck.fleet.store;

import java.nio.file.Path;

/**
 * The databases the store tests run on. A test class runs all its tests once on each with
 *
 * <pre>{@code
 * @ParameterizedClass(name = "on {0}")
 * @EnumSource(StoreKind.class)
 * class RegistryTest {
 *     private final StoreKind store;
 *
 *     RegistryTest(StoreKind store) {
 *         this.store = store.assumeAvailable();
 *     }
 * }</pre>
 *
 * <p>and opens its store with {@code store.open(folder)}. A test's store belongs to its data folder: opening the same
 * folder again reaches the same data, as a restarted console would.
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

    /**
     * This kind, where it can be had; else the calling test is skipped with an assumption that says why (PostgreSQL
     * not installed). Called from the test class's constructor, so that a skipped test runs none of its
     * {@code @BeforeEach} or {@code @AfterEach} methods.
     */
    public StoreKind assumeAvailable() {
        if (this == POSTGRESQL) {
            TestPostgres.shared();
        }
        return this;
    }

    /** As {@link Database#product()} names it. */
    public String product() {
        return product;
    }

    @Override
    public String toString() {
        return product;
    }
}
