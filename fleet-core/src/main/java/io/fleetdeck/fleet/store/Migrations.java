package io.fleetdeck.fleet.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema up to the version this build knows, one numbered script at a time, and refuses to work
 * on a schema it cannot vouch for: one whose applied scripts have since been edited, or one written by a newer
 * Fleetdeck. The scripts are listed in {@code index.txt} because a folder on the class path cannot be listed reliably
 * once it is inside a jar.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final String LOCATION = "db/migration/";

    private final List<MigrationScript> scripts;

    private Migrations(List<MigrationScript> scripts) {
        this.scripts = List.copyOf(scripts);
    }

    public static Migrations fromClassPath() {
        ClassLoader loader = Migrations.class.getClassLoader();
        List<MigrationScript> scripts = new ArrayList<>();
        for (String fileName : resource(loader, "index.txt").lines().toList()) {
            String trimmed = fileName.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            MigrationScript script = MigrationScript.of(trimmed, resourceBytes(loader, trimmed));
            if (script.version() != scripts.size() + 1) {
                throw new StoreException("migration index lists " + trimmed + " where V" + (scripts.size() + 1)
                        + " was expected: versions must run 1, 2, 3, ... in order");
            }
            scripts.add(script);
        }
        return new Migrations(scripts);
    }

    public int latestVersion() {
        return scripts.size();
    }

    /** The scripts' checksums in version order, as a database records them. */
    List<String> checksums() {
        return scripts.stream().map(MigrationScript::checksum).toList();
    }

    public void applyTo(Database database) {
        SqlDialect dialect = SqlDialect.of(database.product());
        dialect.beginMigrations(database);
        try {
            applyUnderLock(database);
        } catch (RuntimeException e) {
            try {
                dialect.endMigrations(database);
            } catch (RuntimeException unlock) {
                e.addSuppressed(unlock);
            }
            throw e;
        }
        dialect.endMigrations(database);
    }

    private void applyUnderLock(Database database) {
        database.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                        + " description TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)");
            }
            return null;
        });
        Map<Integer, String> recorded = database.read(Migrations::recordedChecksums);
        refuseUnknownHistory(recorded);
        for (MigrationScript script : scripts) {
            if (!recorded.containsKey(script.version())) {
                apply(database, script);
            }
        }
    }

    /** Checks everything before changing anything, so a refused database is left exactly as it was found. */
    private void refuseUnknownHistory(Map<Integer, String> recorded) {
        int newest =
                recorded.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (newest > latestVersion()) {
            throw new StoreException("the database was written by a newer Fleetdeck (schema version " + newest
                    + ", this one knows up to " + latestVersion() + ")");
        }
        for (MigrationScript script : scripts) {
            String checksum = recorded.get(script.version());
            if (checksum != null && !checksum.equals(script.checksum())) {
                throw new StoreException("migration " + script.label() + " was changed after it was applied: checksum "
                        + checksum + " recorded, " + script.checksum() + " now");
            }
        }
    }

    private static void apply(Database database, MigrationScript script) {
        database.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : script.statements()) {
                    statement.execute(sql);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO schema_version (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                insert.setInt(1, script.version());
                insert.setString(2, script.description());
                insert.setString(3, script.checksum());
                insert.setString(4, Instant.now().toString());
                insert.executeUpdate();
            }
            return null;
        });
        // debug, not info: a start that is then refused (a port in use) must stay one line on stderr
        LOG.debug("Applied schema migration {}", script.label());
    }

    private static Map<Integer, String> recordedChecksums(Connection connection) throws SQLException {
        Map<Integer, String> recorded = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, checksum FROM schema_version")) {
            while (rows.next()) {
                recorded.put(rows.getInt(1), rows.getString(2));
            }
        }
        return recorded;
    }

    private static String resource(ClassLoader loader, String name) {
        return new String(resourceBytes(loader, name), StandardCharsets.UTF_8);
    }

    private static byte[] resourceBytes(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(LOCATION + name)) {
            if (in == null) {
                throw new StoreException("migration resource " + LOCATION + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StoreException("cannot read migration resource " + LOCATION + name, e);
        }
    }
}
