package io.fleetdeck.fleet.shadow;

import static io.fleetdeck.fleet.shadow.UpdateRequest.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.fleet.store.Database;
import io.fleetdeck.fleet.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Shadows in the store (migration V3): the current version of each, a deleted one kept with its version so a re-creation
 * within 48 hours continues from it, and a bounded history of versions for diagnosis. The classic shadow's name is "".
 */
final class ShadowStore {

    /** A stored shadow; {@code deletedAt} (epoch seconds) is set while it is deleted. */
    record Stored(ShadowState state, @Nullable Long deletedAt) {}

    private final Database database;
    private final int historyVersions;

    ShadowStore(Database database, int historyVersions) {
        this.database = database;
        this.historyVersions = historyVersions;
    }

    /** One version of a shadow as its history keeps it: the state and the whole document as {@code get} shows it. */
    record Version(ShadowState state, String document) {}

    /** The shadow as committed, read inside the caller's transaction. */
    Optional<Stored> find(Connection c, String thing, String shadow) {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT desired, reported, desired_metadata, reported_metadata, version, updated_at, deleted_at"
                        + " FROM shadow WHERE thing_name = ? AND shadow_name = ?")) {
            select.setString(1, thing);
            select.setString(2, shadow);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                ShadowState state = new ShadowState(
                        object(row.getString(1)),
                        object(row.getString(2)),
                        object(row.getString(3)),
                        object(row.getString(4)),
                        row.getLong(5),
                        row.getLong(6));
                long deletedAt = row.getLong(7);
                return Optional.of(new Stored(state, row.wasNull() ? null : deletedAt));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the shadow " + shadow + " of " + thing + ": " + e.getMessage(), e);
        }
    }

    Optional<Stored> find(String thing, String shadow) {
        return database.read(c -> find(c, thing, shadow));
    }

    /**
     * Writes a batch's changes in the caller's transaction: the last state of each shadow it touched, and every version
     * it made into the history, trimmed to the newest {@code historyVersions}. Statements are batched, since a batch
     * may carry hundreds of updates.
     */
    void write(Connection c, Map<ShadowKey, Stored> shadows, Map<ShadowKey, Version> versions) throws SQLException {
        write(c, shadows, versions, Map.of());
    }

    /** As above, with the sections' text where the caller has made it already. */
    void write(
            Connection c,
            Map<ShadowKey, Stored> shadows,
            Map<ShadowKey, Version> versions,
            Map<ShadowKey, ShadowText> texts)
            throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
            for (Map.Entry<ShadowKey, Stored> entry : shadows.entrySet()) {
                ShadowText text = texts.get(entry.getKey());
                bindShadow(
                        upsert,
                        entry.getKey(),
                        entry.getValue(),
                        text == null ? ShadowText.of(entry.getValue().state()) : text);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT_HISTORY)) {
            for (Map.Entry<ShadowKey, Version> entry : versions.entrySet()) {
                ShadowKey key = entry.getKey();
                insert.setString(1, key.thing());
                insert.setString(2, key.shadow());
                insert.setLong(3, key.version());
                insert.setString(4, entry.getValue().document());
                insert.setLong(5, entry.getValue().state().timestamp());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        trimHistory(c, shadows);
    }

    private static final String UPSERT = "INSERT INTO shadow (thing_name, shadow_name, desired, reported,"
            + " desired_metadata, reported_metadata, version, updated_at, deleted_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (thing_name, shadow_name) DO UPDATE SET desired = excluded.desired,"
            + " reported = excluded.reported, desired_metadata = excluded.desired_metadata,"
            + " reported_metadata = excluded.reported_metadata, version = excluded.version,"
            + " updated_at = excluded.updated_at, deleted_at = excluded.deleted_at";

    private static final String INSERT_HISTORY =
            "INSERT INTO shadow_history (thing_name, shadow_name, version, document, written_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    /** A deleted shadow keeps only its version and when it was deleted, so a re-creation can continue from it. */
    private static void bindShadow(PreparedStatement upsert, ShadowKey key, Stored stored, ShadowText text)
            throws SQLException {
        boolean deleted = stored.deletedAt() != null;
        ShadowState state = stored.state();
        upsert.setString(1, key.thing());
        upsert.setString(2, key.shadow());
        upsert.setString(3, deleted ? null : text.desired());
        upsert.setString(4, deleted ? null : text.reported());
        upsert.setString(5, deleted ? null : text.desiredMetadata());
        upsert.setString(6, deleted ? null : text.reportedMetadata());
        upsert.setLong(7, state.version());
        upsert.setLong(8, state.timestamp());
        Long deletedAt = stored.deletedAt();
        if (deletedAt != null) {
            upsert.setLong(9, deletedAt);
        } else {
            upsert.setNull(9, Types.BIGINT);
        }
    }

    private void trimHistory(Connection c, Map<ShadowKey, Stored> shadows) throws SQLException {
        try (PreparedStatement trim = c.prepareStatement(
                "DELETE FROM shadow_history WHERE thing_name = ? AND shadow_name = ? AND version <= ?")) {
            for (Map.Entry<ShadowKey, Stored> entry : shadows.entrySet()) {
                trim.setString(1, entry.getKey().thing());
                trim.setString(2, entry.getKey().shadow());
                trim.setLong(3, entry.getValue().state().version() - historyVersions);
                trim.addBatch();
            }
            trim.executeBatch();
        }
    }

    /** The versions kept of a shadow, newest first. */
    List<ShadowVersion> history(String thing, String shadow) {
        return database.read(c -> {
            try (PreparedStatement select =
                    c.prepareStatement("SELECT version, written_at, document FROM shadow_history"
                            + " WHERE thing_name = ? AND shadow_name = ? ORDER BY version DESC")) {
                select.setString(1, thing);
                select.setString(2, shadow);
                List<ShadowVersion> versions = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        versions.add(new ShadowVersion(row.getLong(1), row.getLong(2), object(row.getString(3))));
                    }
                }
                return versions;
            }
        });
    }

    /** The names of a thing's shadows that exist ("" first when the classic one does). */
    List<String> names(String thing) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT shadow_name FROM shadow"
                    + " WHERE thing_name = ? AND deleted_at IS NULL ORDER BY shadow_name")) {
                select.setString(1, thing);
                List<String> names = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        names.add(row.getString(1));
                    }
                }
                return names;
            }
        });
    }

    /** The thing and shadow name of every existing shadow, sorted, without their documents. */
    List<ShadowKey> keys() {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT thing_name, shadow_name FROM shadow"
                            + " WHERE deleted_at IS NULL ORDER BY thing_name, shadow_name");
                    ResultSet row = select.executeQuery()) {
                List<ShadowKey> keys = new ArrayList<>();
                while (row.next()) {
                    keys.add(new ShadowKey(row.getString(1), row.getString(2)));
                }
                return keys;
            }
        });
    }

    /** Every existing classic shadow, one row at a time, in one read: for fleet lists. */
    void eachClassic(ClassicVisitor visitor) {
        database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT thing_name, desired, reported, version"
                            + " FROM shadow WHERE shadow_name = '' AND deleted_at IS NULL");
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    visitor.visit(row.getString(1), object(row.getString(2)), object(row.getString(3)), row.getLong(4));
                }
            }
            return null;
        });
    }

    /**
     * Every existing shadow (classic and named), or only those of {@code thing} when it is not null, one row at a
     * time in one read.
     */
    void eachShadow(@Nullable String thing, SectionsVisitor visitor) {
        database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT thing_name, shadow_name, desired, reported, desired_metadata, reported_metadata, version"
                            + " FROM shadow WHERE deleted_at IS NULL"
                            + (thing == null ? "" : " AND thing_name = ?")
                            + " ORDER BY thing_name, shadow_name")) {
                if (thing != null) {
                    select.setString(1, thing);
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        visitor.visit(
                                row.getString(1),
                                row.getString(2),
                                object(row.getString(3)),
                                object(row.getString(4)),
                                object(row.getString(5)),
                                object(row.getString(6)),
                                row.getLong(7));
                    }
                }
            }
            return null;
        });
    }

    @FunctionalInterface
    interface SectionsVisitor {
        void visit(
                String thing,
                String shadow,
                @Nullable ObjectNode desired,
                @Nullable ObjectNode reported,
                @Nullable ObjectNode desiredMetadata,
                @Nullable ObjectNode reportedMetadata,
                long version);
    }

    @FunctionalInterface
    interface ClassicVisitor {
        void visit(String thing, @Nullable ObjectNode desired, @Nullable ObjectNode reported, long version);
    }

    int historySize(String thing, String shadow) {
        return database.read(c -> {
            try (PreparedStatement count = c.prepareStatement(
                    "SELECT COUNT(*) FROM shadow_history WHERE thing_name = ? AND shadow_name = ?")) {
                count.setString(1, thing);
                count.setString(2, shadow);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    private static @Nullable ObjectNode object(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored shadow section is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
