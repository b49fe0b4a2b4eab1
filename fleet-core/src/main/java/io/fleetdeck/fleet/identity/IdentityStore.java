package io.fleetdeck.fleet.identity;

import static io.fleetdeck.fleet.store.Jdbc.query;
import static io.fleetdeck.fleet.store.Jdbc.update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdeck.fleet.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** CAs, certificates, policies, things and their attachments in the store's tables (db/migration/V1). */
final class IdentityStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;

    IdentityStore(Database database) {
        this.database = database;
    }

    // --- CAs

    void insertCa(CaRecord ca) {
        database.write(c -> update(
                c,
                "INSERT INTO ca_certificate (id, pem, subject, status, auto_registration, not_after, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                ca.id(),
                ca.pem(),
                ca.subject(),
                ca.active() ? "ACTIVE" : "INACTIVE",
                ca.autoRegistration() ? 1 : 0,
                ca.notAfter().toEpochMilli(),
                ca.createdAt().toEpochMilli()));
    }

    List<CaRecord> cas() {
        return database.read(c -> query(c, "SELECT * FROM ca_certificate ORDER BY created_at", IdentityStore::ca));
    }

    Optional<CaRecord> findCa(String id) {
        return database.read(c -> query(c, "SELECT * FROM ca_certificate WHERE id = ?", IdentityStore::ca, id)).stream()
                .findFirst();
    }

    private static CaRecord ca(ResultSet row) throws SQLException {
        return new CaRecord(
                row.getString("id"),
                row.getString("pem"),
                row.getString("subject"),
                row.getString("status").equals("ACTIVE"),
                row.getInt("auto_registration") == 1,
                Instant.ofEpochMilli(row.getLong("not_after")),
                Instant.ofEpochMilli(row.getLong("created_at")));
    }

    // --- certificates

    void insertCertificate(CertificateRecord certificate) {
        database.write(c -> update(
                c,
                "INSERT INTO certificate (id, pem, ca_id, subject, status, not_after, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                certificate.id(),
                certificate.pem(),
                certificate.caId(),
                certificate.subject(),
                certificate.status().name(),
                certificate.notAfter().toEpochMilli(),
                certificate.createdAt().toEpochMilli()));
    }

    Optional<CertificateRecord> findCertificate(String id) {
        return database
                .read(c -> query(c, "SELECT * FROM certificate WHERE id = ?", IdentityStore::certificate, id))
                .stream()
                .findFirst();
    }

    List<CertificateRecord> certificates() {
        return database.read(
                c -> query(c, "SELECT * FROM certificate ORDER BY created_at, id", IdentityStore::certificate));
    }

    void updateStatus(String id, CertificateStatus status, Instant now) {
        database.write(c -> status == CertificateStatus.REVOKED
                ? update(
                        c,
                        "UPDATE certificate SET status = ?, revoked_at = ? WHERE id = ?",
                        status.name(),
                        now.toEpochMilli(),
                        id)
                : update(c, "UPDATE certificate SET status = ? WHERE id = ?", status.name(), id));
    }

    /** PEM and revocation time of every revoked certificate the CA {@code caId} issued, for its CRL. */
    Map<String, Instant> revokedBy(String caId) {
        Map<String, Instant> revoked = new LinkedHashMap<>();
        database.read(c -> query(
                c,
                "SELECT pem, revoked_at FROM certificate WHERE ca_id = ? AND status = 'REVOKED' ORDER BY id",
                row -> revoked.put(row.getString(1), Instant.ofEpochMilli(row.getLong(2))),
                caId));
        return revoked;
    }

    void deleteCertificate(String id) {
        database.write(c -> update(c, "DELETE FROM certificate WHERE id = ?", id));
    }

    void seen(String id, Instant when) {
        database.write(c -> update(c, "UPDATE certificate SET last_seen = ? WHERE id = ?", when.toEpochMilli(), id));
    }

    private static CertificateRecord certificate(ResultSet row) throws SQLException {
        long lastSeen = row.getLong("last_seen");
        boolean neverSeen = row.wasNull();
        return new CertificateRecord(
                row.getString("id"),
                row.getString("pem"),
                row.getString("ca_id"),
                row.getString("subject"),
                CertificateStatus.valueOf(row.getString("status")),
                Instant.ofEpochMilli(row.getLong("not_after")),
                Instant.ofEpochMilli(row.getLong("created_at")),
                neverSeen ? null : Instant.ofEpochMilli(lastSeen));
    }

    // --- policies

    void insertPolicy(String name, String document, Instant now) {
        database.write(c -> {
            update(
                    c,
                    "INSERT INTO policy (name, default_version, created_at) VALUES (?, 1, ?)",
                    name,
                    now.toEpochMilli());
            return update(
                    c,
                    "INSERT INTO policy_version (policy_name, version, document, created_at) VALUES (?, 1, ?, ?)",
                    name,
                    document,
                    now.toEpochMilli());
        });
    }

    Optional<PolicyRecord> findPolicy(String name) {
        return database
                .read(c -> query(
                        c,
                        "SELECT p.name, p.default_version, v.document, p.created_at FROM policy p"
                                + " JOIN policy_version v ON v.policy_name = p.name AND v.version = p.default_version"
                                + " WHERE p.name = ?",
                        IdentityStore::policy,
                        name))
                .stream()
                .findFirst();
    }

    List<PolicyRecord> policies() {
        return database.read(c -> query(
                c,
                "SELECT p.name, p.default_version, v.document, p.created_at FROM policy p"
                        + " JOIN policy_version v ON v.policy_name = p.name AND v.version = p.default_version"
                        + " ORDER BY p.name",
                IdentityStore::policy));
    }

    List<Integer> policyVersions(String name) {
        return database.read(c -> query(
                c,
                "SELECT version FROM policy_version WHERE policy_name = ? ORDER BY version",
                row -> row.getInt(1),
                name));
    }

    /** Adds a version numbered one past the highest there has been; returns its number. */
    /** The new version is numbered one past the highest the policy ever had: AWS never reuses a deleted number. */
    int addPolicyVersion(String name, String document, boolean setAsDefault, Instant now) {
        return database.write(c -> {
            int next = query(c, "SELECT last_version FROM policy WHERE name = ?", row -> row.getInt(1), name)
                            .getFirst()
                    + 1;
            update(
                    c,
                    "INSERT INTO policy_version (policy_name, version, document, created_at) VALUES (?, ?, ?, ?)",
                    name,
                    next,
                    document,
                    now.toEpochMilli());
            update(c, "UPDATE policy SET last_version = ? WHERE name = ?", next, name);
            if (setAsDefault) {
                update(c, "UPDATE policy SET default_version = ? WHERE name = ?", next, name);
            }
            return next;
        });
    }

    void setDefaultPolicyVersion(String name, int version) {
        database.write(c -> update(c, "UPDATE policy SET default_version = ? WHERE name = ?", version, name));
    }

    void deletePolicyVersion(String name, int version) {
        database.write(
                c -> update(c, "DELETE FROM policy_version WHERE policy_name = ? AND version = ?", name, version));
    }

    void attachPolicy(String policyName, String target) {
        database.write(c -> {
            if (query(
                            c,
                            "SELECT 1 FROM policy_attachment WHERE policy_name = ? AND target = ?",
                            row -> 1,
                            policyName,
                            target)
                    .isEmpty()) {
                update(c, "INSERT INTO policy_attachment (policy_name, target) VALUES (?, ?)", policyName, target);
            }
            return null;
        });
    }

    void detachPolicy(String policyName, String target) {
        database.write(c ->
                update(c, "DELETE FROM policy_attachment WHERE policy_name = ? AND target = ?", policyName, target));
    }

    /** Every policy attached to {@code from} is attached to {@code to} instead. */
    void moveAttachments(String from, String to) {
        database.write(c -> update(c, "UPDATE policy_attachment SET target = ? WHERE target = ?", to, from));
    }

    void detachAll(String target) {
        database.write(c -> update(c, "DELETE FROM policy_attachment WHERE target = ?", target));
    }

    List<PolicyRecord> policiesAttachedTo(String target) {
        return database.read(c -> query(
                c,
                "SELECT p.name, p.default_version, v.document, p.created_at FROM policy_attachment a"
                        + " JOIN policy p ON p.name = a.policy_name"
                        + " JOIN policy_version v ON v.policy_name = p.name AND v.version = p.default_version"
                        + " WHERE a.target = ? ORDER BY p.name",
                IdentityStore::policy,
                target));
    }

    List<String> targetsOf(String policyName) {
        return database.read(c -> query(
                c,
                "SELECT target FROM policy_attachment WHERE policy_name = ? ORDER BY target",
                row -> row.getString(1),
                policyName));
    }

    private static PolicyRecord policy(ResultSet row) throws SQLException {
        return new PolicyRecord(
                row.getString(1), row.getInt(2), row.getString(3), Instant.ofEpochMilli(row.getLong(4)));
    }

    // --- things and their principals

    Optional<ThingRecord> findThing(String name) {
        return database.read(c -> query(c, "SELECT * FROM thing WHERE name = ?", IdentityStore::thing, name)).stream()
                .findFirst();
    }

    void attachThingPrincipal(String thingName, String certificateId) {
        database.write(c -> {
            if (query(
                            c,
                            "SELECT 1 FROM thing_principal WHERE thing_name = ? AND certificate_id = ?",
                            row -> 1,
                            thingName,
                            certificateId)
                    .isEmpty()) {
                update(
                        c,
                        "INSERT INTO thing_principal (thing_name, certificate_id) VALUES (?, ?)",
                        thingName,
                        certificateId);
            }
            return null;
        });
    }

    void detachThingPrincipal(String thingName, String certificateId) {
        database.write(c -> update(
                c,
                "DELETE FROM thing_principal WHERE thing_name = ? AND certificate_id = ?",
                thingName,
                certificateId));
    }

    List<ThingRecord> thingsOf(String certificateId) {
        return database.read(c -> query(
                c,
                "SELECT t.* FROM thing t JOIN thing_principal p ON p.thing_name = t.name"
                        + " WHERE p.certificate_id = ? ORDER BY t.name",
                IdentityStore::thing,
                certificateId));
    }

    boolean thingExists(String name) {
        return !database.read(c -> query(c, "SELECT 1 FROM thing WHERE name = ?", row -> 1, name))
                .isEmpty();
    }

    Map<String, List<String>> thingNamesByCertificate() {
        Map<String, List<String>> names = new java.util.HashMap<>();
        database.read(c -> query(
                c,
                "SELECT certificate_id, thing_name FROM thing_principal ORDER BY thing_name",
                row -> names.computeIfAbsent(row.getString(1), k -> new ArrayList<>())
                        .add(row.getString(2))));
        return names;
    }

    List<String> principalsOf(String thingName) {
        return database.read(c -> query(
                c,
                "SELECT certificate_id FROM thing_principal WHERE thing_name = ? ORDER BY certificate_id",
                row -> row.getString(1),
                thingName));
    }

    private static ThingRecord thing(ResultSet row) throws SQLException {
        return new ThingRecord(row.getString("name"), fromJson(row.getString("attributes")), row.getLong("version"));
    }

    private static String toJson(Map<String, String> attributes) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(attributes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attributes cannot be written as JSON", e);
        }
    }

    private static Map<String, String> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attributes are not JSON: " + json, e);
        }
    }
}
