package io.fleetdeck.fleet.registry;

import static io.fleetdeck.fleet.store.Jdbc.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdeck.fleet.registry.ThingGroup.DynamicMembership;
import io.fleetdeck.fleet.store.Database;
import io.fleetdeck.fleet.store.SqlWork;
import io.fleetdeck.fleet.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Things, thing types, groups and memberships in the store (migrations V1, V4 and V6). Shared by the parts of the
 * {@link Registry}; thread-safe, since the database serializes writes.
 */
final class RegistryStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;

    RegistryStore(Database database) {
        this.database = database;
    }

    <T extends @Nullable Object> T write(SqlWork<T> work) {
        return database.write(work);
    }

    <T extends @Nullable Object> T read(SqlWork<T> work) {
        return database.read(work);
    }

    /** A change that a registry rule may refuse part-way, with the store's connection. */
    interface StoreChange<T extends @Nullable Object> {
        T apply(Connection c) throws SQLException, RegistryException;
    }

    /** Runs a change in one transaction; a RegistryException inside rolls it back and is rethrown as itself. */
    <T extends @Nullable Object> T writeOrRefuse(StoreChange<T> change) throws RegistryException {
        try {
            return write(c -> {
                try {
                    return change.apply(c);
                } catch (RegistryException e) {
                    throw new RefusedChange(e);
                }
            });
        } catch (RefusedChange refused) {
            throw refused.reason;
        } catch (StoreException e) {
            if (e.getCause() instanceof RefusedChange refused) {
                throw refused.reason;
            }
            throw e;
        }
    }

    private static final class RefusedChange extends RuntimeException {
        final RegistryException reason;

        RefusedChange(RegistryException reason) {
            super(reason.getMessage(), null, false, false);
            this.reason = reason;
        }
    }

    /** Every thing with its groups, in two queries whatever the fleet's size. */
    List<Thing> allThings(Connection c) throws SQLException {
        Map<String, List<String>> groups = new HashMap<>();
        for (String[] membership :
                query(c, "SELECT thing_name, group_name FROM thing_group_member ORDER BY group_name", row ->
                        new String[] {row.getString(1), row.getString(2)})) {
            groups.computeIfAbsent(membership[0], thing -> new ArrayList<>()).add(membership[1]);
        }
        return query(
                c,
                "SELECT name, thing_type, attributes, version FROM thing ORDER BY name",
                row -> new Thing(
                        row.getString(1),
                        row.getString(2),
                        fromJson(row.getString(3)),
                        row.getLong(4),
                        groups.getOrDefault(row.getString(1), List.of())));
    }

    Optional<Thing> thing(Connection c, String name) throws SQLException {
        List<String> groups = query(
                c,
                "SELECT group_name FROM thing_group_member WHERE thing_name = ? ORDER BY group_name",
                row -> row.getString(1),
                name);
        return query(
                        c,
                        "SELECT name, thing_type, attributes, version FROM thing WHERE name = ?",
                        row -> new Thing(
                                row.getString(1), row.getString(2), fromJson(row.getString(3)), row.getLong(4), groups),
                        name)
                .stream()
                .findFirst();
    }

    Thing requireThing(Connection c, String name) throws SQLException, RegistryException {
        return thing(c, name)
                .orElseThrow(() -> new RegistryException(RegistryException.NOT_FOUND, "no thing named " + name));
    }

    Optional<ThingGroup> group(Connection c, String name) throws SQLException {
        List<ThingGroup> found = query(
                c,
                "SELECT name, parent, attributes, version, query_string, query_version, dynamic_status"
                        + " FROM thing_group WHERE name = ?",
                row -> new ThingGroup(
                        row.getString(1),
                        row.getString(2),
                        List.of(),
                        fromJson(row.getString(3)),
                        row.getLong(4),
                        row.getString(5) == null
                                ? null
                                : new DynamicMembership(
                                        row.getString(5),
                                        row.getString(6),
                                        DynamicMembership.Status.valueOf(row.getString(7)))),
                name);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ThingGroup group = found.getFirst();
        return Optional.of(new ThingGroup(
                group.name(),
                group.parent(),
                ancestors(c, group.parent()),
                group.attributes(),
                group.version(),
                group.dynamic()));
    }

    ThingGroup requireGroup(Connection c, String name) throws SQLException, RegistryException {
        return group(c, name)
                .orElseThrow(() -> new RegistryException(RegistryException.NOT_FOUND, "no thing group named " + name));
    }

    /** Static and dynamic groups share one namespace. */
    void requireNewGroupName(Connection c, String name) throws SQLException, RegistryException {
        if (group(c, name).isPresent()) {
            throw new RegistryException(RegistryException.ALREADY_EXISTS, "thing group " + name + " already exists");
        }
    }

    List<String> children(Connection c, String group) throws SQLException {
        return query(c, "SELECT name FROM thing_group WHERE parent = ? ORDER BY name", row -> row.getString(1), group);
    }

    /** The group and all its descendants. */
    List<String> subtree(Connection c, String group) throws SQLException {
        List<String> groups = new ArrayList<>(List.of(group));
        for (int i = 0; i < groups.size(); i++) {
            groups.addAll(children(c, groups.get(i)));
        }
        return groups;
    }

    /** The things in a group: added by hand to a static group, chosen by the query of a dynamic one. */
    List<String> directMembers(Connection c, String group) throws SQLException {
        return query(
                c,
                "SELECT thing_name FROM thing_group_member WHERE group_name = ? UNION ALL"
                        + " SELECT thing_name FROM dynamic_group_member WHERE group_name = ? ORDER BY 1",
                row -> row.getString(1),
                group,
                group);
    }

    /** The groups from the root down to {@code parent}, inclusive; empty for a root group. */
    List<String> ancestors(Connection c, @Nullable String parent) throws SQLException {
        List<String> path = new ArrayList<>();
        String at = parent;
        while (at != null) {
            path.addFirst(at);
            String current = at;
            List<String> parents =
                    query(c, "SELECT parent FROM thing_group WHERE name = ?", row -> row.getString(1), current);
            at = parents.isEmpty() ? null : parents.getFirst(); // a root's parent is NULL
        }
        return path;
    }

    static String toJson(Map<String, String> attributes) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(attributes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attributes cannot be written as JSON", e);
        }
    }

    static Map<String, String> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attributes are not JSON: " + json, e);
        }
    }
}
