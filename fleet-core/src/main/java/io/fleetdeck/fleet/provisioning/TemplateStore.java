package io.fleetdeck.fleet.provisioning;

import io.fleetdeck.fleet.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

/**
 * Provisioning templates and certificate ownership tokens in the store (tables {@code provisioning_template},
 * {@code ownership_token}). A token is good for one hour, as on AWS, and for one RegisterThing.
 */
final class TemplateStore {

    private final Database database;
    private final Clock clock;

    TemplateStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    void put(String name, String body) {
        database.write(c -> {
            try (PreparedStatement update =
                    c.prepareStatement("UPDATE provisioning_template SET body = ? WHERE name = ?")) {
                update.setString(1, body);
                update.setString(2, name);
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO provisioning_template (name, body, enabled, created_at) VALUES (?, ?, 1, ?)")) {
                insert.setString(1, name);
                insert.setString(2, body);
                insert.setLong(3, clock.millis());
                insert.executeUpdate();
            }
            return null;
        });
    }

    Optional<String> find(String name) {
        return database.read(c -> {
            try (PreparedStatement select =
                    c.prepareStatement("SELECT body FROM provisioning_template WHERE name = ? AND enabled = 1")) {
                select.setString(1, name);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    void issueToken(String token, String certificateId, long lifetimeMillis) {
        database.write(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO ownership_token (token, certificate_id, expires_at) VALUES (?, ?, ?)")) {
                insert.setString(1, token);
                insert.setString(2, certificateId);
                insert.setLong(3, clock.millis() + lifetimeMillis);
                return insert.executeUpdate();
            }
        });
    }

    /** The certificate a token stands for, while it is good. */
    Optional<String> certificateOf(String token) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT certificate_id FROM ownership_token WHERE token = ? AND expires_at > ?")) {
                select.setString(1, token);
                select.setLong(2, clock.millis());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    void spend(String token) {
        database.write(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM ownership_token WHERE token = ?")) {
                delete.setString(1, token);
                return delete.executeUpdate();
            }
        });
    }
}
