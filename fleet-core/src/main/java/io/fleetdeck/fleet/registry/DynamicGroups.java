package io.fleetdeck.fleet.registry;

import static io.fleetdeck.fleet.registry.RegistryRules.checkAttributes;
import static io.fleetdeck.fleet.registry.RegistryRules.checkName;
import static io.fleetdeck.fleet.registry.RegistryStore.toJson;
import static io.fleetdeck.fleet.store.Jdbc.query;
import static io.fleetdeck.fleet.store.Jdbc.update;

import io.fleetdeck.api.event.Change;
import io.fleetdeck.api.event.FleetEvent.GroupChanged;
import io.fleetdeck.api.event.FleetEvent.MembershipChanged;
import io.fleetdeck.fleet.events.FleetEventSink;
import io.fleetdeck.fleet.registry.ThingGroup.DynamicMembership;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dynamic thing groups (AWS-IOT-BEHAVIOUR §3.5): their queries, their status while the fleet index chooses their
 * members, and the memberships it chooses. The index evaluates the queries; this side keeps at most 100 dynamic
 * groups and the ten-groups rule, older dynamic groups first. Owned by {@link Registry}, which documents each
 * operation and holds its change order around every change, so that the events published here after the commit reach
 * subscribers in commit order.
 */
final class DynamicGroups {

    private static final int MAX_DYNAMIC_GROUPS = 100;

    private final RegistryStore store;
    private final DynamicMemberships memberships;
    private final Clock clock;
    private final FleetEventSink events;

    DynamicGroups(RegistryStore store, DynamicMemberships memberships, Clock clock, FleetEventSink events) {
        this.store = store;
        this.memberships = memberships;
        this.clock = clock;
        this.events = events;
    }

    ThingGroup createDynamicThingGroup(
            String name, String queryString, String queryVersion, Map<String, String> attributes)
            throws RegistryException {
        checkName("thing group", name);
        // only the query's length: the caller checked the rest, since it knows the query language
        checkQueryLength(queryString);
        checkAttributes(attributes, 50);
        ThingGroup created = store.writeOrRefuse(c -> {
            store.requireNewGroupName(c, name);
            if (dynamicGroupCount(c) >= MAX_DYNAMIC_GROUPS) {
                throw new RegistryException(
                        RegistryException.LIMIT_EXCEEDED,
                        "there are " + MAX_DYNAMIC_GROUPS + " dynamic groups already");
            }
            update(
                    c,
                    "INSERT INTO thing_group (name, parent, attributes, version, created_at, query_string,"
                            + " query_version, dynamic_status) VALUES (?, NULL, ?, 1, ?, ?, ?, ?)",
                    name,
                    toJson(attributes),
                    clock.millis(),
                    queryString,
                    queryVersion,
                    DynamicMembership.Status.BUILDING.name());
            return store.group(c, name).orElseThrow();
        });
        events.publish(new GroupChanged(name, Change.CREATED));
        return created;
    }

    ThingGroup updateDynamicThingGroupQuery(String name, String queryString) throws RegistryException {
        checkQueryLength(queryString);
        ThingGroup updated = store.writeOrRefuse(c -> {
            requireDynamic(c, name);
            update(
                    c,
                    "UPDATE thing_group SET query_string = ?, dynamic_status = ?, version = version + 1"
                            + " WHERE name = ?",
                    queryString,
                    DynamicMembership.Status.REBUILDING.name(),
                    name);
            return store.group(c, name).orElseThrow();
        });
        events.publish(new GroupChanged(name, Change.UPDATED));
        return updated;
    }

    void dynamicGroupBuilt(String name, String queryString) {
        // only while the query is the one built: a query changed meanwhile leaves the group to its next build
        int changed = store.write(c -> update(
                c,
                "UPDATE thing_group SET dynamic_status = ? WHERE name = ? AND query_string = ? AND dynamic_status <> ?",
                DynamicMembership.Status.ACTIVE.name(),
                name,
                queryString,
                DynamicMembership.Status.ACTIVE.name()));
        if (changed > 0) {
            events.publish(new GroupChanged(name, Change.UPDATED));
        }
    }

    List<ThingGroup> dynamicThingGroups() {
        return store.read(c -> {
            List<ThingGroup> groups = new ArrayList<>();
            for (String name : query(
                    c,
                    "SELECT name FROM thing_group WHERE query_string IS NOT NULL ORDER BY created_at, name",
                    row -> row.getString(1))) {
                groups.add(store.group(c, name).orElseThrow());
            }
            return groups;
        });
    }

    List<String> dynamicGroupsOf(String thing) {
        return store.read(c -> query(
                c,
                "SELECT group_name FROM dynamic_group_member WHERE thing_name = ? ORDER BY group_name",
                row -> row.getString(1),
                thing));
    }

    Map<String, List<String>> dynamicGroupsByThing() {
        return store.read(c -> {
            Map<String, List<String>> groups = new HashMap<>();
            for (String[] membership :
                    query(c, "SELECT thing_name, group_name FROM dynamic_group_member ORDER BY group_name", row ->
                            new String[] {row.getString(1), row.getString(2)})) {
                groups.computeIfAbsent(membership[0], thing -> new ArrayList<>())
                        .add(membership[1]);
            }
            return groups;
        });
    }

    DynamicMembershipChange changeDynamicMembership(
            String group, Collection<String> entering, Collection<String> leaving) {
        DynamicMembershipChange change = store.write(c -> {
            ThingGroup dynamicGroup =
                    store.group(c, group).filter(ThingGroup::isDynamic).orElse(null);
            if (dynamicGroup == null) {
                return DynamicMembershipChange.NONE;
            }
            return memberships.change(c, group, entering, leaving);
        });
        change.removed()
                .forEach(left -> events.publish(new MembershipChanged(left.group(), left.thing(), false, true)));
        change.added().forEach(thing -> events.publish(new MembershipChanged(group, thing, true, true)));
        return change;
    }

    private static int dynamicGroupCount(Connection c) throws SQLException {
        return query(c, "SELECT COUNT(*) FROM thing_group WHERE query_string IS NOT NULL", row -> row.getInt(1))
                .getFirst();
    }

    private ThingGroup requireDynamic(Connection c, String name) throws SQLException, RegistryException {
        ThingGroup group = store.requireGroup(c, name);
        if (!group.isDynamic()) {
            throw new RegistryException(
                    RegistryException.INVALID_REQUEST, "thing group " + name + " is static, not dynamic");
        }
        return group;
    }

    private static void checkQueryLength(String queryString) throws RegistryException {
        if (queryString == null || queryString.isEmpty() || queryString.length() > 1000) {
            throw new RegistryException(
                    RegistryException.INVALID_REQUEST, "a dynamic group's query is 1-1000 characters");
        }
    }
}
