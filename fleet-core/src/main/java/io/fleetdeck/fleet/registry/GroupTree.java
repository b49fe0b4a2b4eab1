package io.fleetdeck.fleet.registry;

import static io.fleetdeck.fleet.registry.RegistryRules.changedAttributes;
import static io.fleetdeck.fleet.registry.RegistryRules.checkAttributes;
import static io.fleetdeck.fleet.registry.RegistryRules.checkName;
import static io.fleetdeck.fleet.registry.RegistryRules.checkVersion;
import static io.fleetdeck.fleet.registry.RegistryRules.refuseDynamic;
import static io.fleetdeck.fleet.registry.RegistryStore.toJson;
import static io.fleetdeck.fleet.store.Jdbc.query;
import static io.fleetdeck.fleet.store.Jdbc.update;

import io.fleetdeck.api.event.Change;
import io.fleetdeck.api.event.FleetEvent.GroupChanged;
import io.fleetdeck.api.event.FleetEvent.HierarchyChanged;
import io.fleetdeck.api.event.FleetEvent.MembershipChanged;
import io.fleetdeck.fleet.events.FleetEventSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The thing groups and their hierarchy (AWS-IOT-BEHAVIOUR §4): groups nested up to seven deep with at most 100
 * children each, created, changed, renamed, moved and deleted. Dynamic groups are here too, as roots that take no
 * children; {@link DynamicGroups} keeps their queries and members. Owned by {@link Registry}, which documents each
 * operation and holds its change order around every change, so that the events published here after the commit
 * reach subscribers in commit order.
 */
final class GroupTree {

    private static final int MAX_DEPTH = 7;
    private static final int MAX_CHILDREN = 100;

    private final RegistryStore store;
    private final Clock clock;
    private final FleetEventSink events;

    GroupTree(RegistryStore store, Clock clock, FleetEventSink events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    ThingGroup createThingGroup(String name, @Nullable String parent, Map<String, String> attributes)
            throws RegistryException {
        checkName("thing group", name);
        checkAttributes(attributes, 50);
        ThingGroup created = store.writeOrRefuse(c -> {
            store.requireNewGroupName(c, name);
            if (parent != null) {
                ThingGroup parentGroup = store.requireGroup(c, parent);
                refuseDynamic(parentGroup, "have child groups");
                if (parentGroup.rootToParent().size() + 2 > MAX_DEPTH) {
                    throw new RegistryException(
                            RegistryException.LIMIT_EXCEEDED, "thing groups nest at most " + MAX_DEPTH + " deep");
                }
                int children = query(
                                c, "SELECT COUNT(*) FROM thing_group WHERE parent = ?", row -> row.getInt(1), parent)
                        .getFirst();
                if (children >= MAX_CHILDREN) {
                    throw new RegistryException(
                            RegistryException.LIMIT_EXCEEDED,
                            parent + " has " + MAX_CHILDREN + " child groups already");
                }
            }
            update(
                    c,
                    "INSERT INTO thing_group (name, parent, attributes, version, created_at) VALUES (?, ?, ?, 1, ?)",
                    name,
                    parent,
                    toJson(attributes),
                    clock.millis());
            return store.group(c, name).orElseThrow();
        });
        events.publish(new GroupChanged(name, Change.CREATED));
        if (parent != null) {
            events.publish(new HierarchyChanged(parent, name, true));
        }
        return created;
    }

    ThingGroup updateThingGroup(
            String name, Map<String, String> attributes, boolean merge, @Nullable Long expectedVersion)
            throws RegistryException {
        ThingGroup updated = store.writeOrRefuse(c -> {
            ThingGroup current = store.requireGroup(c, name);
            checkVersion("thing group", name, current.version(), expectedVersion);
            Map<String, String> next = changedAttributes(current.attributes(), attributes, merge);
            checkAttributes(next, 50);
            update(
                    c,
                    "UPDATE thing_group SET attributes = ?, version = version + 1 WHERE name = ?",
                    toJson(next),
                    name);
            return store.group(c, name).orElseThrow();
        });
        events.publish(new GroupChanged(name, Change.UPDATED));
        return updated;
    }

    void deleteThingGroup(String name) throws RegistryException {
        List<String> members = new ArrayList<>();
        ThingGroup deleted = store.writeOrRefuse(c -> {
            ThingGroup group = store.requireGroup(c, name);
            if (!store.children(c, name).isEmpty()) {
                throw new RegistryException(
                        RegistryException.INVALID_REQUEST,
                        "thing group " + name + " has child groups (" + String.join(", ", store.children(c, name))
                                + "); delete or move them first");
            }
            members.addAll(store.directMembers(c, name));
            update(c, "DELETE FROM thing_group_member WHERE group_name = ?", name);
            update(c, "DELETE FROM dynamic_group_member WHERE group_name = ?", name);
            update(c, "DELETE FROM thing_group WHERE name = ?", name);
            return group;
        });
        members.forEach(thing -> events.publish(new MembershipChanged(name, thing, false, deleted.isDynamic())));
        if (deleted.parent() != null) {
            events.publish(new HierarchyChanged(deleted.parent(), name, false));
        }
        events.publish(new GroupChanged(name, Change.DELETED));
    }

    ThingGroup renameThingGroup(String name, String newName) throws RegistryException {
        checkName("thing group", newName);
        ThingGroup renamed = store.writeOrRefuse(c -> {
            refuseDynamic(store.requireGroup(c, name), "be renamed");
            store.requireNewGroupName(c, newName);
            update(
                    c,
                    "INSERT INTO thing_group (name, parent, attributes, version, created_at)"
                            + " SELECT ?, parent, attributes, version + 1, ? FROM thing_group WHERE name = ?",
                    newName,
                    clock.millis(),
                    name);
            update(c, "UPDATE thing_group SET parent = ? WHERE parent = ?", newName, name);
            update(c, "UPDATE thing_group_member SET group_name = ? WHERE group_name = ?", newName, name);
            update(c, "DELETE FROM thing_group WHERE name = ?", name);
            return store.group(c, newName).orElseThrow();
        });
        events.publish(new GroupChanged(name, Change.RENAMED, newName));
        return renamed;
    }

    ThingGroup moveThingGroup(String name, @Nullable String newParent) throws RegistryException {
        @Nullable String[] oldParent = new String[1];
        ThingGroup moved = store.writeOrRefuse(c -> {
            ThingGroup group = store.requireGroup(c, name);
            refuseDynamic(group, "be moved");
            oldParent[0] = group.parent();
            if (Objects.equals(group.parent(), newParent)) {
                return group;
            }
            checkMove(c, group, newParent);
            update(c, "UPDATE thing_group SET parent = ?, version = version + 1 WHERE name = ?", newParent, name);
            return store.group(c, name).orElseThrow();
        });
        if (!Objects.equals(oldParent[0], newParent)) {
            if (oldParent[0] != null) {
                events.publish(new HierarchyChanged(oldParent[0], name, false));
            }
            if (newParent != null) {
                events.publish(new HierarchyChanged(newParent, name, true));
            }
            events.publish(new GroupChanged(name, Change.UPDATED));
        }
        return moved;
    }

    private void checkMove(Connection c, ThingGroup group, @Nullable String newParent)
            throws SQLException, RegistryException {
        List<String> subtree = store.subtree(c, group.name());
        if (newParent == null) {
            return;
        }
        ThingGroup parent = store.requireGroup(c, newParent);
        refuseDynamic(parent, "have child groups");
        if (subtree.contains(newParent)) {
            throw new RegistryException(
                    RegistryException.INVALID_REQUEST,
                    "thing group " + group.name() + " cannot move below itself (" + newParent + ")");
        }
        int depth = parent.rootToParent().size() + 1 + height(c, group.name());
        if (depth > MAX_DEPTH) {
            throw new RegistryException(
                    RegistryException.LIMIT_EXCEEDED,
                    "below " + newParent + " the hierarchy would be " + depth + " deep; thing groups nest at most "
                            + MAX_DEPTH + " deep");
        }
        if (store.children(c, newParent).size() >= MAX_CHILDREN) {
            throw new RegistryException(
                    RegistryException.LIMIT_EXCEEDED, newParent + " has " + MAX_CHILDREN + " child groups already");
        }
        checkOneGroupPerHierarchy(c, subtree, parent.root());
    }

    /** After a move into {@code targetRoot}'s hierarchy, no thing of the moved subtree may be in it twice. */
    private void checkOneGroupPerHierarchy(Connection c, List<String> subtree, String targetRoot)
            throws SQLException, RegistryException {
        List<String> targetHierarchy = store.subtree(c, targetRoot);
        for (String group : subtree) {
            for (String thing : store.directMembers(c, group)) {
                for (String other : store.requireThing(c, thing).groups()) {
                    if (!subtree.contains(other) && targetHierarchy.contains(other)) {
                        throw new RegistryException(
                                RegistryException.INVALID_REQUEST,
                                thing + " is in " + group + " and in " + other + "; after the move both would be in"
                                        + " the hierarchy of " + targetRoot);
                    }
                }
            }
        }
    }

    /** Levels from the group down to its deepest descendant, the group itself counting as one. */
    private int height(Connection c, String group) throws SQLException {
        int deepest = 0;
        for (String child : store.children(c, group)) {
            deepest = Math.max(deepest, height(c, child));
        }
        return deepest + 1;
    }

    Optional<ThingGroup> thingGroup(String name) {
        return store.read(c -> store.group(c, name));
    }

    List<ThingGroup> thingGroups() {
        return store.read(c -> {
            List<ThingGroup> all = new ArrayList<>();
            for (String root : query(
                    c, "SELECT name FROM thing_group WHERE parent IS NULL ORDER BY name", row -> row.getString(1))) {
                for (String name : store.subtree(c, root)) {
                    all.add(store.group(c, name).orElseThrow());
                }
            }
            return all;
        });
    }
}
