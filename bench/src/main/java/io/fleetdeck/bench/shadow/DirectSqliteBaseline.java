package io.fleetdeck.bench.shadow;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline the issue names: sqlite-jdbc alone (WAL, synchronous=FULL), one writer committing updates in groups. It writes what a durable shadow update must write — the
 * shadow's row (reported state and its metadata) and a history row with the whole document, history trimmed to 100
 * versions — with the text prepared in advance: no JSON work, no service, so the ratio to it is the cost of ours.
 */
final class DirectSqliteBaseline {

    private static final int HISTORY = 100;

    private DirectSqliteBaseline() {}

    /** A thing's update, its text already made. */
    private record Row(String thing, long version, String reported, String metadata, String document) {}

    /**
     * Updates per second for {@code updates} updates over {@code things} things, committed {@code group} at a time.
     * The updates are made before the clock starts, so the figure is the writer's alone.
     */
    static double updatesPerSecond(Path file, int things, int updates, int group) throws Exception {
        List<Row> rows = rows(things, updates);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            createTables(c);
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement upsert = c.prepareStatement(UPSERT);
                    PreparedStatement history = c.prepareStatement(HISTORY_INSERT);
                    PreparedStatement trim = c.prepareStatement(TRIM)) {
                for (int from = 0; from < updates; from += group) {
                    for (Row row : rows.subList(from, Math.min(updates, from + group))) {
                        bind(upsert, history, trim, row);
                    }
                    upsert.executeBatch();
                    history.executeBatch();
                    trim.executeBatch();
                    c.commit();
                }
            }
            return updates / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static List<Row> rows(int things, int updates) {
        List<Row> rows = new ArrayList<>(updates);
        for (int i = 0; i < updates; i++) {
            long version = i / things + 1;
            String reported = new String(ShadowPayloads.report(i, i), StandardCharsets.UTF_8);
            String metadata = reported.replaceAll(":[-0-9.\"a-z]+", ":{\"timestamp\":1795000000}");
            String document = "{\"state\":{\"reported\":" + reported + "},\"metadata\":{\"reported\":" + metadata
                    + "},\"version\":" + version + "}";
            rows.add(new Row("thing-" + i % things, version, reported, metadata, document));
        }
        return rows;
    }

    private static void bind(PreparedStatement upsert, PreparedStatement history, PreparedStatement trim, Row row)
            throws java.sql.SQLException {
        upsert.setString(1, row.thing());
        upsert.setString(2, row.reported());
        upsert.setString(3, row.metadata());
        upsert.setLong(4, row.version());
        upsert.addBatch();
        history.setString(1, row.thing());
        history.setLong(2, row.version());
        history.setString(3, row.document());
        history.addBatch();
        trim.setString(1, row.thing());
        trim.setLong(2, row.version() - HISTORY);
        trim.addBatch();
    }

    private static void createTables(Connection c) throws java.sql.SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("CREATE TABLE shadow (thing_name TEXT NOT NULL, shadow_name TEXT NOT NULL, desired TEXT,"
                    + " reported TEXT, desired_metadata TEXT, reported_metadata TEXT, version BIGINT NOT NULL,"
                    + " updated_at BIGINT NOT NULL, deleted_at BIGINT, PRIMARY KEY (thing_name, shadow_name))");
            s.execute("CREATE TABLE shadow_history (thing_name TEXT NOT NULL, shadow_name TEXT NOT NULL,"
                    + " version BIGINT NOT NULL, document TEXT NOT NULL, written_at BIGINT NOT NULL,"
                    + " PRIMARY KEY (thing_name, shadow_name, version))");
        }
    }

    private static final String UPSERT = "INSERT INTO shadow (thing_name, shadow_name, reported, reported_metadata,"
            + " version, updated_at) VALUES (?, '', ?, ?, ?, 1795000000) ON CONFLICT (thing_name, shadow_name)"
            + " DO UPDATE SET reported = excluded.reported, reported_metadata = excluded.reported_metadata,"
            + " version = excluded.version, updated_at = excluded.updated_at";
    private static final String HISTORY_INSERT = "INSERT INTO shadow_history (thing_name, shadow_name, version,"
            + " document, written_at) VALUES (?, '', ?, ?, 1795000000)";
    private static final String TRIM =
            "DELETE FROM shadow_history WHERE thing_name = ? AND shadow_name = '' AND version <= ?";
}
