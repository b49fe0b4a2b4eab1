package io.fleetdeck.fleet.registry;

import static io.fleetdeck.fleet.registry.RegistryStore.toJson;
import static io.fleetdeck.fleet.store.Jdbc.query;
import static io.fleetdeck.fleet.store.Jdbc.update;

import io.fleetdeck.api.event.Change;
import io.fleetdeck.api.event.FleetEvent.GroupChanged;
import io.fleetdeck.api.event.FleetEvent.HierarchyChanged;
import io.fleetdeck.api.event.FleetEvent.MembershipChanged;
import io.fleetdeck.api.event.FleetEvent.ThingCreated;
import io.fleetdeck.api.event.FleetEvent.ThingDeleted;
import io.fleetdeck.api.event.FleetEvent.ThingTypeChanged;
import io.fleetdeck.api.event.FleetEvent.ThingUpdated;
import io.fleetdeck.fleet.events.FleetEventSink;
import io.fleetdeck.fleet.registry.ThingGroup.DynamicMembership;
import io.fleetdeck.fleet.store.Database;
import io.fleetdeck.fleet.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The device registry (AWS-IOT-BEHAVIOUR §4): things with attributes, optimistic versions and at most one type; thing
 * types; static thing groups nested up to seven deep, a thing in at most ten groups and one per hierarchy. Every
 * change is committed before its fleet events are published. Thread-safe: the store serializes writes.
 */
public final class Registry {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-zA-Z0-9_.,@/:#-]{1,128}");
    private static final Pattern ATTRIBUTE_VALUE = Pattern.compile("[a-zA-Z0-9_.,@/:#=\\[\\]-]{0,800}");
    private static final int MAX_DEPTH = 7;
    private static final int MAX_CHILDREN = 100;
    private static final int MAX_GROUPS_PER_THING = 10;
    private static final int MAX_DYNAMIC_GROUPS = 100;

    private final RegistryStore store;
    private final DynamicMemberships memberships;
    private final Clock clock;
    private final FleetEventSink events;
    /** Held from a change's write until its events are out, so they reach subscribers in commit order. */
    private final ReentrantLock changeOrder = new ReentrantLock();

    /** A registry whose changes nobody follows: for command-line tools and tests of something else. */
    public Registry(Database database, Clock clock) {
        this(database, clock, FleetEventSink.NONE);
    }

    /** @param events where each committed change goes, as typed fleet events */
    public Registry(Database database, Clock clock, FleetEventSink events) {
        this.store = new RegistryStore(database);
        this.memberships = new DynamicMemberships(MAX_GROUPS_PER_THING);
        this.clock = clock;
        this.events = events;
    }

    // --- things

    public Thing createThing(String name, @Nullable String thingType, Map<String, String> attributes)
            throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            checkName("thing", name);
            checkAttributes(attributes, thingType == null ? 3 : 50);
            Thing created = write(c -> {
                if (store.thing(c, name).isPresent()) {
                    throw new RegistryException(RegistryException.ALREADY_EXISTS, "thing " + name + " already exists");
                }
                if (thingType != null) {
                    requireUsableType(c, thingType);
                }
                update(
                        c,
                        "INSERT INTO thing (name, attributes, version, created_at, thing_type) VALUES (?, ?, 1, ?, ?)",
                        name,
                        toJson(attributes),
                        clock.millis(),
                        thingType);
                return store.thing(c, name).orElseThrow();
            });
            events.publish(new ThingCreated(name));
            return created;
        }
    }

    /**
     * UpdateThing: attributes merged (an empty value removes one) or replaced, under an optional expected version.
     */
    public Thing updateThing(String name, Map<String, String> attributes, boolean merge, @Nullable Long expectedVersion)
            throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            Thing updated = write(c -> {
                Thing current = requireThing(c, name);
                if (expectedVersion != null && expectedVersion != current.version()) {
                    throw new RegistryException(
                            RegistryException.VERSION_CONFLICT,
                            "thing " + name + " is at version " + current.version() + ", not " + expectedVersion);
                }
                Map<String, String> next = changedAttributes(current.attributes(), attributes, merge);
                checkAttributes(next, current.thingType() == null ? 3 : 50);
                update(c, "UPDATE thing SET attributes = ?, version = version + 1 WHERE name = ?", toJson(next), name);
                return store.thing(c, name).orElseThrow();
            });
            events.publish(new ThingUpdated(name));
            return updated;
        }
    }

    /**
     * Creates the thing, or replaces its attributes when it exists: what enrolment and fleet provisioning need, with
     * the registry's rules and events.
     */
    public Thing putThing(String name, Map<String, String> attributes) throws RegistryException {
        return thing(name).isPresent()
                ? updateThing(name, attributes, false, null)
                : createThing(name, null, attributes);
    }

    public void deleteThing(String name) throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            write(c -> {
                requireThing(c, name);
                return update(c, "DELETE FROM thing WHERE name = ?", name);
            });
            events.publish(new ThingDeleted(name));
        }
    }

    public Optional<Thing> thing(String name) {
        return store.read(c -> store.thing(c, name));
    }

    /** Every thing, sorted by name: for lists of the whole fleet. */
    public List<Thing> things() {
        return store.read(store::allThings);
    }

    public List<String> thingNames() {
        return store.read(c -> query(c, "SELECT name FROM thing ORDER BY name", row -> row.getString(1)));
    }

    // --- thing types

    public void createThingType(String name, String description, List<String> searchableAttributes)
            throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            checkName("thing type", name);
            if (searchableAttributes.size() > 3) {
                throw new RegistryException(
                        RegistryException.INVALID_REQUEST, "a thing type has at most 3 searchable attributes");
            }
            write(c -> {
                if (!query(c, "SELECT 1 FROM thing_type WHERE name = ?", row -> 1, name)
                        .isEmpty()) {
                    throw new RegistryException(
                            RegistryException.ALREADY_EXISTS, "thing type " + name + " already exists");
                }
                return update(
                        c,
                        "INSERT INTO thing_type (name, description, searchable_attributes, created_at) VALUES (?, ?, ?, ?)",
                        name,
                        description,
                        String.join(",", searchableAttributes),
                        clock.millis());
            });
            events.publish(new ThingTypeChanged(name, Change.CREATED));
        }
    }

    /** DeprecateThingType: no new thing may use it; things that have it keep it. */
    public void deprecateThingType(String name, boolean undo) throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            write(c -> {
                if (update(
                                c,
                                "UPDATE thing_type SET deprecated_at = ? WHERE name = ?",
                                undo ? null : clock.millis(),
                                name)
                        == 0) {
                    throw new RegistryException(RegistryException.NOT_FOUND, "no thing type named " + name);
                }
                return null;
            });
            events.publish(new ThingTypeChanged(name, Change.UPDATED));
        }
    }

    // --- thing groups

    public ThingGroup createThingGroup(String name, @Nullable String parent, Map<String, String> attributes)
            throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            checkName("thing group", name);
            checkAttributes(attributes, 50);
            ThingGroup created = write(c -> {
                if (store.group(c, name).isPresent()) {
                    throw new RegistryException(
                            RegistryException.ALREADY_EXISTS, "thing group " + name + " already exists");
                }
                if (parent != null) {
                    ThingGroup parentGroup = store.group(c, parent)
                            .orElseThrow(() -> new RegistryException(
                                    RegistryException.NOT_FOUND, "no thing group named " + parent));
                    refuseDynamic(parentGroup, "have child groups");
                    if (parentGroup.rootToParent().size() + 2 > MAX_DEPTH) {
                        throw new RegistryException(
                                RegistryException.LIMIT_EXCEEDED, "thing groups nest at most " + MAX_DEPTH + " deep");
                    }
                    int children = query(
                                    c,
                                    "SELECT COUNT(*) FROM thing_group WHERE parent = ?",
                                    row -> row.getInt(1),
                                    parent)
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
    }

    /** UpdateThingGroup: the group's own attributes, merged (an empty value removes one) or replaced. */
    public ThingGroup updateThingGroup(
            String name, Map<String, String> attributes, boolean merge, @Nullable Long expectedVersion)
            throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            ThingGroup updated = write(c -> {
                ThingGroup current = requireGroup(c, name);
                if (expectedVersion != null && expectedVersion != current.version()) {
                    throw new RegistryException(
                            RegistryException.VERSION_CONFLICT,
                            "thing group " + name + " is at version " + current.version() + ", not " + expectedVersion);
                }
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
    }

    /**
     * DeleteThingGroup: its things leave it (they stay in the registry). A group with child groups is refused, so a
     * delete never takes a hierarchy with it unseen.
     */
    public void deleteThingGroup(String name) throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            List<String> members = new ArrayList<>();
            ThingGroup deleted = write(c -> {
                ThingGroup group = requireGroup(c, name);
                if (!children(c, name).isEmpty()) {
                    throw new RegistryException(
                            RegistryException.INVALID_REQUEST,
                            "thing group " + name + " has child groups (" + String.join(", ", children(c, name))
                                    + "); delete or move them first");
                }
                members.addAll(directMembers(c, name));
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
    }

    /**
     * Gives a group a new name, keeping its members, child groups, attributes and (through the {@code renamed} event)
     * its policies. AWS cannot rename a group; the console can, and to devices and services it looks as AWS would
     * show a group re-created under the new name.
     */
    public ThingGroup renameThingGroup(String name, String newName) throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            checkName("thing group", newName);
            ThingGroup renamed = write(c -> {
                refuseDynamic(requireGroup(c, name), "be renamed");
                if (store.group(c, newName).isPresent()) {
                    throw new RegistryException(
                            RegistryException.ALREADY_EXISTS, "thing group " + newName + " already exists");
                }
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
    }

    /**
     * Moves a group, with everything under it, below {@code newParent} (null: to the top). AWS fixes a group's parent
     * at creation; the console can move it within the same rules: seven deep at most, 100 children, never below
     * itself, and no thing ends up in two groups of one hierarchy.
     */
    public ThingGroup moveThingGroup(String name, @Nullable String newParent) throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            @Nullable String[] oldParent = new String[1];
            ThingGroup moved = write(c -> {
                ThingGroup group = requireGroup(c, name);
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
    }

    private void checkMove(Connection c, ThingGroup group, @Nullable String newParent)
            throws SQLException, RegistryException {
        List<String> subtree = subtree(c, group.name());
        if (newParent == null) {
            return;
        }
        ThingGroup parent = requireGroup(c, newParent);
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
        if (children(c, newParent).size() >= MAX_CHILDREN) {
            throw new RegistryException(
                    RegistryException.LIMIT_EXCEEDED, newParent + " has " + MAX_CHILDREN + " child groups already");
        }
        checkOneGroupPerHierarchy(c, subtree, root(parent));
    }

    /** After a move into {@code targetRoot}'s hierarchy, no thing of the moved subtree may be in it twice. */
    private void checkOneGroupPerHierarchy(Connection c, List<String> subtree, String targetRoot)
            throws SQLException, RegistryException {
        List<String> targetHierarchy = subtree(c, targetRoot);
        for (String group : subtree) {
            for (String thing : directMembers(c, group)) {
                for (String other : requireThing(c, thing).groups()) {
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

    private static List<String> children(Connection c, String group) throws SQLException {
        return query(c, "SELECT name FROM thing_group WHERE parent = ? ORDER BY name", row -> row.getString(1), group);
    }

    /** The group and all its descendants. */
    private static List<String> subtree(Connection c, String group) throws SQLException {
        List<String> groups = new ArrayList<>(List.of(group));
        for (int i = 0; i < groups.size(); i++) {
            groups.addAll(children(c, groups.get(i)));
        }
        return groups;
    }

    /** Levels from the group down to its deepest descendant, the group itself counting as one. */
    private static int height(Connection c, String group) throws SQLException {
        int deepest = 0;
        for (String child : children(c, group)) {
            deepest = Math.max(deepest, height(c, child));
        }
        return deepest + 1;
    }

    /** The things in a group: added by hand to a static group, chosen by the query of a dynamic one. */
    private static List<String> directMembers(Connection c, String group) throws SQLException {
        return query(
                c,
                "SELECT thing_name FROM thing_group_member WHERE group_name = ? UNION ALL"
                        + " SELECT thing_name FROM dynamic_group_member WHERE group_name = ? ORDER BY 1",
                row -> row.getString(1),
                group,
                group);
    }

    private ThingGroup requireGroup(Connection c, String name) throws SQLException, RegistryException {
        return store.group(c, name)
                .orElseThrow(() -> new RegistryException(RegistryException.NOT_FOUND, "no thing group named " + name));
    }

    /** Every thing group, parents before their children. */
    public List<ThingGroup> thingGroups() {
        return store.read(c -> {
            List<ThingGroup> all = new ArrayList<>();
            for (String root : query(
                    c, "SELECT name FROM thing_group WHERE parent IS NULL ORDER BY name", row -> row.getString(1))) {
                for (String name : subtree(c, root)) {
                    all.add(store.group(c, name).orElseThrow());
                }
            }
            return all;
        });
    }

    /** AddThingToThingGroup: at most ten groups per thing, and one group of any one hierarchy. */
    public void addThingToGroup(String group, String thing) throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            addThingToGroup(group, thing, false);
        }
    }

    /**
     * AddThingToThingGroup with {@code overrideDynamicGroups}: a thing already in ten groups leaves its newest dynamic
     * group to make room, instead of the add being refused.
     */
    public void addThingToGroup(String group, String thing, boolean overrideDynamicGroups) throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            @Nullable String[] evictedFrom = new String[1];
            boolean added = write(c -> {
                if (overrideDynamicGroups && memberships.count(c, thing) >= MAX_GROUPS_PER_THING) {
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
    }

    /**
     * Moves a thing from one group to another in one step (the console's drag and drop): out of {@code fromGroup}
     * (null: from none) and into {@code toGroup}, or neither when the add is refused.
     */
    public void moveThing(String thing, @Nullable String fromGroup, String toGroup) throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            boolean[] left = {false};
            boolean added = write(c -> {
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
    }

    /** Adds within the caller's transaction; false when the thing was a member already. */
    private boolean addMember(Connection c, String group, String thing) throws SQLException, RegistryException {
        ThingGroup target = requireGroup(c, group);
        refuseDynamic(target, "take things added by hand; its query chooses its members");
        List<String> current = requireThing(c, thing).groups();
        if (current.contains(group)) {
            return false;
        }
        if (memberships.count(c, thing) >= MAX_GROUPS_PER_THING) {
            throw new RegistryException(
                    RegistryException.LIMIT_EXCEEDED, thing + " is in " + MAX_GROUPS_PER_THING + " groups already");
        }
        String root = root(target);
        for (String other : current) {
            ThingGroup otherGroup = store.group(c, other).orElseThrow();
            if (root(otherGroup).equals(root)) {
                throw new RegistryException(
                        RegistryException.INVALID_REQUEST,
                        thing + " is already in " + other + " of the same hierarchy (" + root + ")");
            }
        }
        update(c, "INSERT INTO thing_group_member (group_name, thing_name) VALUES (?, ?)", group, thing);
        return true;
    }

    public void removeThingFromGroup(String group, String thing) throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            int removed = write(c -> {
                refuseDynamic(requireGroup(c, group), "lose things by hand; its query chooses its members");
                return update(
                        c, "DELETE FROM thing_group_member WHERE group_name = ? AND thing_name = ?", group, thing);
            });
            if (removed > 0) {
                events.publish(new MembershipChanged(group, thing, false, false));
            }
        }
    }

    public Optional<ThingGroup> thingGroup(String name) {
        return store.read(c -> store.group(c, name));
    }

    /** The groups a thing is in, each with all its ancestors: where group policies come from. */
    public List<String> groupsWithAncestors(String thing) {
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

    /** Things in a group, and with {@code recursive} in all its descendants too. */
    public List<String> thingsInGroup(String group, boolean recursive) {
        return store.read(c -> {
            Set<String> things = new LinkedHashSet<>();
            for (String each : recursive ? subtree(c, group) : List.of(group)) {
                things.addAll(directMembers(c, each));
            }
            return List.copyOf(things);
        });
    }

    /** Every group's direct members, in one read: for trees with member counts. */
    public Map<String, List<String>> membersByGroup() {
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

    // --- dynamic thing groups (AWS-IOT-BEHAVIOUR §3.5); the fleet index evaluates their queries

    /**
     * CreateDynamicThingGroup: the group, {@code BUILDING} until the index has chosen its members. The query was
     * checked by the caller, which knows the query language; here only its length is.
     */
    public ThingGroup createDynamicThingGroup(
            String name, String queryString, String queryVersion, Map<String, String> attributes)
            throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            checkName("thing group", name);
            checkQueryLength(queryString);
            checkAttributes(attributes, 50);
            ThingGroup created = write(c -> {
                if (store.group(c, name).isPresent()) {
                    throw new RegistryException(
                            RegistryException.ALREADY_EXISTS, "thing group " + name + " already exists");
                }
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
    }

    /** UpdateDynamicThingGroup with a new query: {@code REBUILDING} until the index has chosen the members again. */
    public ThingGroup updateDynamicThingGroupQuery(String name, String queryString) throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            checkQueryLength(queryString);
            ThingGroup updated = write(c -> {
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
    }

    /**
     * The index has chosen every member for {@code queryString}: the group is {@code ACTIVE}, unless its query changed
     * meanwhile (then the next build finishes it).
     */
    public void dynamicGroupBuilt(String name, String queryString) {
        try (OrderedChange ordered = inOrder()) {
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
    }

    /** Every dynamic group, oldest first: the older ones have priority for a thing's last group places. */
    public List<ThingGroup> dynamicThingGroups() {
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

    /** The dynamic groups a thing is in now. */
    public List<String> dynamicGroupsOf(String thing) {
        return store.read(c -> query(
                c,
                "SELECT group_name FROM dynamic_group_member WHERE thing_name = ? ORDER BY group_name",
                row -> row.getString(1),
                thing));
    }

    /** Every thing's dynamic groups, in one read: for building the whole index. */
    public Map<String, List<String>> dynamicGroupsByThing() {
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

    /**
     * Things start or stop matching a dynamic group's query: those entering join it while they are in fewer than ten
     * groups (taking the place of a newer dynamic group if need be), those leaving go. A thing that cannot join is
     * counted, not an error (AWS's {@code AddThingToDynamicThingGroupsFailed}).
     */
    public DynamicMembershipChange changeDynamicMembership(
            String group, Collection<String> entering, Collection<String> leaving) {
        try (OrderedChange ordered = inOrder()) {
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
    }

    private static int dynamicGroupCount(Connection c) throws SQLException {
        return query(c, "SELECT COUNT(*) FROM thing_group WHERE query_string IS NOT NULL", row -> row.getInt(1))
                .getFirst();
    }

    private ThingGroup requireDynamic(Connection c, String name) throws SQLException, RegistryException {
        ThingGroup group = requireGroup(c, name);
        if (!group.isDynamic()) {
            throw new RegistryException(
                    RegistryException.INVALID_REQUEST, "thing group " + name + " is static, not dynamic");
        }
        return group;
    }

    private static void refuseDynamic(ThingGroup group, String what) throws RegistryException {
        if (group.isDynamic()) {
            throw new RegistryException(
                    RegistryException.INVALID_REQUEST, "dynamic thing group " + group.name() + " cannot " + what);
        }
    }

    private static void checkQueryLength(String queryString) throws RegistryException {
        if (queryString == null || queryString.isEmpty() || queryString.length() > 1000) {
            throw new RegistryException(
                    RegistryException.INVALID_REQUEST, "a dynamic group's query is 1-1000 characters");
        }
    }

    // --- helpers

    private static String root(ThingGroup group) {
        return group.rootToParent().isEmpty()
                ? group.name()
                : group.rootToParent().getFirst();
    }

    private Thing requireThing(Connection c, String name) throws SQLException, RegistryException {
        return store.thing(c, name)
                .orElseThrow(() -> new RegistryException(RegistryException.NOT_FOUND, "no thing named " + name));
    }

    private static void requireUsableType(Connection c, String type) throws SQLException, RegistryException {
        List<Long> deprecated = query(
                c, "SELECT COALESCE(deprecated_at, -1) FROM thing_type WHERE name = ?", row -> row.getLong(1), type);
        if (deprecated.isEmpty()) {
            throw new RegistryException(RegistryException.NOT_FOUND, "no thing type named " + type);
        }
        if (deprecated.getFirst() >= 0) {
            throw new RegistryException(
                    RegistryException.INVALID_REQUEST,
                    "thing type " + type + " is deprecated; new things cannot use it");
        }
    }

    /** AWS's attribute update: merged into the current ones or replacing them; an empty value removes one. */
    private static Map<String, String> changedAttributes(
            Map<String, String> current, Map<String, String> requested, boolean merge) {
        Map<String, String> next = new LinkedHashMap<>(merge ? current : Map.of());
        requested.forEach((key, value) -> {
            if (value.isEmpty()) {
                next.remove(key);
            } else {
                next.put(key, value);
            }
        });
        return next;
    }

    private static void checkName(String what, String name) throws RegistryException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new RegistryException(
                    RegistryException.INVALID_REQUEST,
                    "a " + what + " name is 1-128 characters of letters, digits and :_-, was \"" + name + "\"");
        }
    }

    private static void checkAttributes(Map<String, String> attributes, int max) throws RegistryException {
        if (attributes.size() > max) {
            throw new RegistryException(
                    RegistryException.INVALID_REQUEST,
                    attributes.size() + " attributes, more than the " + max + " allowed"
                            + (max == 3 ? " without a thing type" : ""));
        }
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (!ATTRIBUTE_NAME.matcher(attribute.getKey()).matches()
                    || !ATTRIBUTE_VALUE.matcher(attribute.getValue()).matches()) {
                throw new RegistryException(
                        RegistryException.INVALID_REQUEST,
                        "attribute " + attribute.getKey() + "=" + attribute.getValue()
                                + " has characters AWS does not allow");
            }
        }
    }

    /** Held from a change's write until its events are out; closing lets the next change go. */
    private interface OrderedChange extends AutoCloseable {
        @Override
        void close();
    }

    private OrderedChange inOrder() {
        changeOrder.lock();
        return changeOrder::unlock;
    }

    private interface StoreChange<T extends @Nullable Object> {
        T apply(Connection c) throws SQLException, RegistryException;
    }

    /** Runs a change in one transaction; a RegistryException inside rolls it back and is rethrown as itself. */
    private <T extends @Nullable Object> T write(StoreChange<T> change) throws RegistryException {
        try {
            return store.write(c -> {
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
}
