package io.fleetdeck.fleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "on {0}")
@EnumSource(StoreKind.class)
class DatabaseTest {

    private final StoreKind store;

    @TempDir
    Path dir;

    DatabaseTest(StoreKind store) {
        this.store = store.assumeAvailable();
    }

    /** A data folder that does not exist yet, as on a first run. */
    private Path folder() {
        return dir.resolve("data");
    }

    private Database open() {
        return store.open(folder());
    }

    @Test
    void aFreshStoreGetsTheWholeIdentitySchemaAndRecordsVersionOne() {
        try (Database database = open()) {
            assertThat(database.product()).isEqualTo(store.product());
            assertThat(database.read(DatabaseTest::tableNames))
                    .contains(
                            "schema_version",
                            "ca_certificate",
                            "certificate",
                            "policy",
                            "policy_version",
                            "policy_attachment",
                            "thing",
                            "thing_principal",
                            "provisioning_template",
                            "ownership_token");
            List<String> versions = database.read(connection -> strings(
                    connection,
                    "SELECT version || ' ' || description || ' ' || checksum FROM schema_version ORDER BY version"));
            assertThat(versions).hasSize(knownMigrations());
            assertThat(versions.get(0)).matches("1 identities [0-9a-f]{64}");
            assertThat(versions.get(1)).matches("2 certificate revocation time [0-9a-f]{64}");
        }
    }

    @Test
    void reopeningKeepsTheDataAndDoesNotRunMigrationsAgain() {
        try (Database database = open()) {
            database.write(connection -> insertThing(connection, "pump-7"));
        }
        try (Database database = open()) {
            assertThat(count(database, "schema_version")).isEqualTo(knownMigrations());
            assertThat(query(database, "SELECT name FROM thing")).containsExactly("pump-7");
        }
    }

    @Test
    void theConnectionIsSetUpForItsDatabase() {
        try (Database database = open()) {
            switch (store) {
                // write-ahead log, so that other processes can read while the console writes
                case SQLITE ->
                    assertThat(query(database, "PRAGMA journal_mode")).containsExactly("wal");
                // what SQLite gives every transaction; and another session's lock is not waited for forever
                case POSTGRESQL -> {
                    // a read is one snapshot of the last commit; a read-only transaction needs no more
                    assertThat(database.read(Connection::getTransactionIsolation))
                            .isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
                    assertThat(database.read(Connection::isReadOnly)).isTrue();
                    database.write(connection -> assertThat(strings(connection, "SHOW transaction_isolation"))
                            .containsExactly("serializable"));
                    assertThat(query(database, "SHOW lock_timeout")).containsExactly("5s");
                }
            }
        }
    }

    @Test
    void aFailedWriteLeavesNothingBehindAndReportsWhy() {
        IllegalStateException why = new IllegalStateException("the shadow document was not valid JSON");
        try (Database database = open()) {
            assertThatThrownBy(() -> database.write(connection -> {
                        insertThing(connection, "half-written");
                        throw why;
                    }))
                    .isInstanceOf(StoreException.class)
                    .hasCause(why);
            assertThat(count(database, "thing")).isZero();
            // The connection is still usable for the next write.
            database.write(connection -> insertThing(connection, "next"));
            assertThat(count(database, "thing")).isEqualTo(1);
        }
    }

    @Test
    void deletingAThingAlsoForgetsItsPrincipalsBecauseForeignKeysAreEnforced() {
        try (Database database = open()) {
            database.write(connection -> {
                insertThing(connection, "pump-7");
                update(
                        connection,
                        "INSERT INTO certificate (id, pem, subject, status, not_after, created_at)"
                                + " VALUES ('c1', 'PEM', 'CN=pump-7', 'ACTIVE', 0, 0)");
                update(connection, "INSERT INTO thing_principal VALUES ('pump-7', 'c1')");
                return update(connection, "DELETE FROM thing WHERE name = 'pump-7'");
            });
            assertThat(count(database, "thing_principal")).isZero();
            assertThatThrownBy(() -> database.write(
                            connection -> update(connection, "INSERT INTO thing_principal VALUES ('ghost', 'c1')")))
                    .isInstanceOf(StoreException.class);
        }
    }

    @Test
    void aChangedMigrationIsRefusedRatherThanSilentlyRun() {
        try (Database database = open()) {
            database.write(
                    connection -> update(connection, "UPDATE schema_version SET checksum = '00' WHERE version = 1"));
        }
        assertThatThrownBy(this::open)
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith(
                        "migration V1 (identities) was changed after it was applied: checksum 00 recorded,");
    }

    @Test
    void aDatabaseFromANewerFleetdeckIsRefusedAndLeftAsItWas() throws SQLException {
        try (Database database = open()) {
            database.write(connection -> update(
                    connection,
                    "INSERT INTO schema_version VALUES (99, 'from the future', 'abc', '2030-01-01T00:00:00Z')"));
        }
        assertThatThrownBy(this::open)
                .isInstanceOf(StoreException.class)
                .hasMessage("the database was written by a newer Fleetdeck (schema version 99, this one knows up to "
                        + knownMigrations() + ")");
        try (Connection raw = DriverManager.getConnection(store.jdbcUrl(folder()))) {
            assertThat(strings(raw, "SELECT version FROM schema_version ORDER BY version"))
                    .hasSize(knownMigrations() + 1)
                    .startsWith("1", "2")
                    .endsWith("99");
        }
    }

    private static Integer insertThing(Connection connection, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO thing (name, attributes, version, created_at) VALUES (?, '{}', 1, 0)")) {
            insert.setString(1, name);
            return insert.executeUpdate();
        }
    }

    private static Integer update(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    private static int count(Database database, String table) {
        return Integer.parseInt(query(database, "SELECT count(*) FROM " + table).getFirst());
    }

    private static List<String> query(Database database, String sql) {
        return database.read(connection -> strings(connection, sql));
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static List<String> tableNames(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    /** The migrations this build ships, from the index every build reads them from. */
    private static int knownMigrations() {
        try (var index = DatabaseTest.class.getResourceAsStream("/db/migration/index.txt")) {
            return (int) new String(index.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank())
                    .count();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
