package io.fleetdeck.fleet.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The databases the store runs on, and what each needs beyond the SQL they share. The stores and the migration scripts
 * are written in the SQL both accept ({@code INSERT ... ON CONFLICT}, {@code TEXT}, {@code INTEGER}, {@code BIGINT},
 * standard foreign keys), so one set of scripts with one set of checksums serves both; what differs is connection
 * set-up, and on a server that several Fleetdecks share, keeping them from migrating the schema at the same time.
 *
 * <p>SQLite's pragmas stay in {@link Database} beside the rest of its file handling.
 */
enum SqlDialect {
    SQLITE("SQLite"),
    POSTGRESQL("PostgreSQL");

    /** Any 64-bit number, the same in every Fleetdeck: the advisory lock that serializes schema migrations. */
    private static final long MIGRATION_LOCK = 0x466C_6565_7464_6563L; // "Fleetdec"

    private final String product;

    SqlDialect(String product) {
        this.product = product;
    }

    /** The dialect of a connected database, as its driver names the product; anything else is refused. */
    static SqlDialect of(String productName) {
        for (SqlDialect dialect : values()) {
            if (dialect.product.equalsIgnoreCase(productName)) {
                return dialect;
            }
        }
        throw new StoreException("the store runs on SQLite or PostgreSQL, not on " + productName);
    }

    /**
     * PostgreSQL: SERIALIZABLE, because that is what SQLite gives every transaction and what the stores' read-then-write
     * transactions (a version check, "one past the highest", a limit on members) assume once several Fleetdecks share
     * one server; a write that loses such a race fails and is rolled back rather than silently overwriting the other.
     * A lock held by someone else is waited for at most 5 seconds, like SQLite's busy timeout, so that a forgotten
     * transaction in another session shows up as an error rather than a console that hangs. ON CONFLICT needs 9.5.
     */
    static void preparePostgresql(Connection connection) throws SQLException {
        DatabaseMetaData server = connection.getMetaData();
        int major = server.getDatabaseMajorVersion();
        int minor = server.getDatabaseMinorVersion();
        if (major < 9 || (major == 9 && minor < 5)) {
            throw new StoreException("PostgreSQL " + major + "." + minor
                    + " is too old for the store, which needs 9.5 or newer (INSERT ... ON CONFLICT)");
        }
        connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '5s'");
        }
    }

    /**
     * Keeps other Fleetdecks on the same database from migrating its schema at the same time: each would find the same
     * versions missing and the second would fail half-way. Held by the session until {@link #endMigrations}; a session
     * that dies releases it. SQLite needs nothing: one process has a data folder at a time.
     */
    void beginMigrations(Database database) {
        if (this == POSTGRESQL) {
            database.write(connection -> {
                try (Statement statement = connection.createStatement()) {
                    // another Fleetdeck's migrations may take longer than the usual lock timeout
                    statement.execute("SET LOCAL lock_timeout = '2min'");
                    statement.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
                }
                return null;
            });
        }
    }

    void endMigrations(Database database) {
        if (this == POSTGRESQL) {
            database.read(connection -> {
                try (Statement statement = connection.createStatement()) {
                    return statement.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
                }
            });
        }
    }
}
