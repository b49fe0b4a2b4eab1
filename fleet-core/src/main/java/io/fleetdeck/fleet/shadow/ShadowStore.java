package io.fleetdeck.fleet.shadow;

import static io.fleetdeck.fleet.shadow.UpdateRequest.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.fleet.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Shadows in the store (migration V3): the current version of each, a deleted one kept with its version so a re-creation
 * within 48 hours continues from it, and a bounded history of versions for diagnosis. The classic shadow's name is "".
 */
final class ShadowStore {

    /** A stored shadow; {@code deletedAt} (epoch seconds) is set while it is deleted. */
    record Stored(ShadowState state, Long deletedAt) {}

    private final Database database;
    private final int historyVersions;

    ShadowStore(Database database, int historyVersions) {
        this.database = database;
        this.historyVersions = historyVersions;
    }

    Optional<Stored> find(String thing, String shadow) {
        return database.read(c -> {
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
            }
        });
    }

    /** Writes the new version and its history entry in one transaction: an update is durable before it is accepted. */
    void save(String thing, String shadow, ShadowState state, String document) {
        database.write(c -> {
            try (PreparedStatement upsert = c.prepareStatement(
                    "INSERT INTO shadow (thing_name, shadow_name, desired, reported, desired_metadata,"
                            + " reported_metadata, version, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)"
                            + " ON CONFLICT (thing_name, shadow_name) DO UPDATE SET desired = excluded.desired,"
                            + " reported = excluded.reported, desired_metadata = excluded.desired_metadata,"
                            + " reported_metadata = excluded.reported_metadata, version = excluded.version,"
                            + " updated_at = excluded.updated_at, deleted_at = NULL")) {
                upsert.setString(1, thing);
                upsert.setString(2, shadow);
                upsert.setString(3, text(state.desired()));
                upsert.setString(4, text(state.reported()));
                upsert.setString(5, text(state.desiredMetadata()));
                upsert.setString(6, text(state.reportedMetadata()));
                upsert.setLong(7, state.version());
                upsert.setLong(8, state.timestamp());
                upsert.executeUpdate();
            }
            history(c, thing, shadow, state.version(), document, state.timestamp());
            return null;
        });
    }

    void markDeleted(String thing, String shadow, long now) {
        database.write(c -> {
            try (PreparedStatement delete =
                    c.prepareStatement("UPDATE shadow SET desired = NULL, reported = NULL, desired_metadata = NULL,"
                            + " reported_metadata = NULL, deleted_at = ? WHERE thing_name = ? AND shadow_name = ?")) {
                delete.setLong(1, now);
                delete.setString(2, thing);
                delete.setString(3, shadow);
                return delete.executeUpdate();
            }
        });
    }

    private void history(Connection c, String thing, String shadow, long version, String document, long at)
            throws SQLException {
        try (PreparedStatement insert =
                c.prepareStatement("INSERT INTO shadow_history (thing_name, shadow_name, version, document, written_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, thing);
            insert.setString(2, shadow);
            insert.setLong(3, version);
            insert.setString(4, document);
            insert.setLong(5, at);
            insert.executeUpdate();
        }
        try (PreparedStatement trim = c.prepareStatement(
                "DELETE FROM shadow_history WHERE thing_name = ? AND shadow_name = ? AND version <= ?")) {
            trim.setString(1, thing);
            trim.setString(2, shadow);
            trim.setLong(3, version - historyVersions);
            trim.executeUpdate();
        }
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

    private static String text(ObjectNode node) {
        return node == null ? null : node.toString();
    }

    private static ObjectNode object(String text) {
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
