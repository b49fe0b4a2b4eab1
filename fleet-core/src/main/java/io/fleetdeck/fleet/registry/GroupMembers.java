package io.fleetdeck.fleet.registry;

import static io.fleetdeck.fleet.registry.RegistryRules.refuseDynamic;
import static io.fleetdeck.fleet.store.Jdbc.query;
import static io.fleetdeck.fleet.store.Jdbc.update;

import io.fleetdeck.api.event.FleetEvent.MembershipChanged;
import io.fleetdeck.fleet.events.FleetEventSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which things are in which groups (AWS-IOT-BEHAVIOUR §4): things added to static groups by hand, at most ten groups
 * per thing and one group of any one hierarchy; reads cover dynamic members too. Owned by {@link Registry}, which
 * documents each operation and holds its change order around every change, so that the events published here after
 * the commit reach subscribers in commit order.
 */
final class GroupMembers {

    private final RegistryStore store;
    private final DynamicMemberships memberships;
    private final int maxGroupsPerThing;
    private final FleetEventSink events;

    GroupMembers(RegistryStore store, DynamicMemberships memberships, int maxGroupsPerThing, FleetEventSink events) {
        this.store = store;
        this.memberships = memberships;
        this.maxGroupsPerThing = maxGroupsPerThing;
        this.events = events;
    }

    void addThingToGroup(String group, String thing, boolean overrideDynamicGroups) throws RegistryException {
        @Nullable String[] evictedFrom = new String[1];
        boolean added = store.writeOrRefuse(c -> {
            if (overrideDynamicGroups && memberships.count(c, thing) >= maxGroupsPerThing) {
                evictedFrom[0] = memberships.leaveNewestDynamicGroup(c, thing);
            }
            return addMember(c, group, thing);
        });
        if (evictedFrom[0] != null) {
            events.publish(new MembershipChanged(evictedFrom[0], thing, false, true));
        }
        if (added) {
            events.publish(new MembershipChanged(group, thing, true, false));
        }
    }

    void moveThing(String thing, @Nullable String fromGroup, String toGroup) throws RegistryException {
        boolean[] left = {false};
        boolean added = store.writeOrRefuse(c -> {
            if (fromGroup != null) {
                left[0] = update(
                                c,
                                "DELETE FROM thing_group_member WHERE group_name = ? AND thing_name = ?",
                                fromGroup,
                                thing)
                        > 0;
            }
            return addMember(c, toGroup, thing);
        });
        if (left[0] && fromGroup != null) {
            events.publish(new MembershipChanged(fromGroup, thing, false, false));
        }
        if (added) {
            events.publish(new MembershipChanged(toGroup, thing, true, false));
        }
    }

    /** Adds within the caller's transaction; false when the thing was a member already. */
    private boolean addMember(Connection c, String group, String thing) throws SQLException, RegistryException {
        ThingGroup target = store.requireGroup(c, group);
        refuseDynamic(target, "take things added by hand; its query chooses its members");
        List<String> current = store.requireThing(c, thing).groups();
        if (current.contains(group)) {
            return false;
        }
        if (memberships.count(c, thing) >= maxGroupsPerThing) {
            throw new RegistryException(
                    RegistryException.LIMIT_EXCEEDED, thing + " is in " + maxGroupsPerThing + " groups already");
        }
        String root = target.root();
        for (String other : current) {
            ThingGroup otherGroup = store.group(c, other).orElseThrow();
            if (otherGroup.root().equals(root)) {
                throw new RegistryException(
                        RegistryException.INVALID_REQUEST,
                        thing + " is already in " + other + " of the same hierarchy (" + root + ")");
            }
        }
        update(c, "INSERT INTO thing_group_member (group_name, thing_name) VALUES (?, ?)", group, thing);
        return true;
    }

    void removeThingFromGroup(String group, String thing) throws RegistryException {
        int removed = store.writeOrRefuse(c -> {
            refuseDynamic(store.requireGroup(c, group), "lose things by hand; its query chooses its members");
            return update(c, "DELETE FROM thing_group_member WHERE group_name = ? AND thing_name = ?", group, thing);
        });
        if (removed > 0) {
            events.publish(new MembershipChanged(group, thing, false, false));
        }
    }

    List<String> groupsWithAncestors(String thing) {
        return store.read(c -> {
            List<String> all = new ArrayList<>();
            for (String group : query(
                    c,
                    "SELECT group_name FROM thing_group_member WHERE thing_name = ?",
                    row -> row.getString(1),
                    thing)) {
                for (String name : store.ancestors(c, group)) {
                    if (!all.contains(name)) {
                        all.add(name);
                    }
                }
            }
            return all;
        });
    }

    List<String> thingsInGroup(String group, boolean recursive) {
        return store.read(c -> {
            Set<String> things = new LinkedHashSet<>();
            for (String each : recursive ? store.subtree(c, group) : List.of(group)) {
                things.addAll(store.directMembers(c, each));
            }
            return List.copyOf(things);
        });
    }

    Map<String, List<String>> membersByGroup() {
        return store.read(c -> {
            Map<String, List<String>> members = new HashMap<>();
            for (String[] membership : query(
                    c,
                    "SELECT group_name, thing_name FROM thing_group_member UNION ALL"
                            + " SELECT group_name, thing_name FROM dynamic_group_member ORDER BY 2",
                    row -> new String[] {row.getString(1), row.getString(2)})) {
                members.computeIfAbsent(membership[0], group -> new ArrayList<>())
                        .add(membership[1]);
            }
            return members;
        });
    }
}
