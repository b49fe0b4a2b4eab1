package io.fleetdeck.fleet.registry;

import io.fleetdeck.fleet.events.FleetEventSink;
import io.fleetdeck.fleet.store.Database;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The device registry (AWS-IOT-BEHAVIOUR §4): things with attributes, optimistic versions and at most one type; thing
 * types; static thing groups nested up to seven deep, a thing in at most ten groups and one per hierarchy. Every
 * change is committed before its fleet events are published. Thread-safe: the store serializes writes.
 *
 * <p>The work is done by {@link ThingCatalog} (things and types), {@link GroupTree} (groups and their hierarchy),
 * {@link GroupMembers} (things in groups) and {@link DynamicGroups} (groups chosen by a query). This class holds the
 * change order they share: every change runs under it, from its write until its events are out.
 */
public final class Registry {

    private static final int MAX_GROUPS_PER_THING = 10;

    private final ThingCatalog things;
    private final GroupTree groups;
    private final GroupMembers members;
    private final DynamicGroups dynamicGroups;
    /** Held from a change's write until its events are out, so they reach subscribers in commit order. */
    private final ReentrantLock changeOrder = new ReentrantLock();

    /** A registry whose changes nobody follows: for command-line tools and tests of something else. */
    public Registry(Database database, Clock clock) {
        this(database, clock, FleetEventSink.NONE);
    }

    /** @param events where each committed change goes, as typed fleet events */
    public Registry(Database database, Clock clock, FleetEventSink events) {
        RegistryStore store = new RegistryStore(database);
        DynamicMemberships memberships = new DynamicMemberships(MAX_GROUPS_PER_THING);
        this.things = new ThingCatalog(store, clock, events);
        this.groups = new GroupTree(store, clock, events);
        this.members = new GroupMembers(store, memberships, MAX_GROUPS_PER_THING, events);
        this.dynamicGroups = new DynamicGroups(store, memberships, clock, events);
    }

    // --- things

    public Thing createThing(String name, @Nullable String thingType, Map<String, String> attributes)
            throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            return things.createThing(name, thingType, attributes);
        }
    }

    /**
     * UpdateThing: attributes merged (an empty value removes one) or replaced, under an optional expected version.
     */
    public Thing updateThing(String name, Map<String, String> attributes, boolean merge, @Nullable Long expectedVersion)
            throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            return things.updateThing(name, attributes, merge, expectedVersion);
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
            things.deleteThing(name);
        }
    }

    public Optional<Thing> thing(String name) {
        return things.thing(name);
    }

    /** Every thing, sorted by name: for lists of the whole fleet. */
    public List<Thing> things() {
        return things.things();
    }

    public List<String> thingNames() {
        return things.thingNames();
    }

    // --- thing types

    public void createThingType(String name, String description, List<String> searchableAttributes)
            throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            things.createThingType(name, description, searchableAttributes);
        }
    }

    /** DeprecateThingType: no new thing may use it; things that have it keep it. */
    public void deprecateThingType(String name, boolean undo) throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            things.deprecateThingType(name, undo);
        }
    }

    public Optional<ThingType> thingType(String name) {
        return things.thingType(name);
    }

    /** Every thing type by name, deprecated ones too. */
    public List<ThingType> thingTypes() {
        return things.thingTypes();
    }

    // --- thing groups

    public ThingGroup createThingGroup(String name, @Nullable String parent, Map<String, String> attributes)
            throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            return groups.createThingGroup(name, parent, attributes);
        }
    }

    /** UpdateThingGroup: the group's own attributes, merged (an empty value removes one) or replaced. */
    public ThingGroup updateThingGroup(
            String name, Map<String, String> attributes, boolean merge, @Nullable Long expectedVersion)
            throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            return groups.updateThingGroup(name, attributes, merge, expectedVersion);
        }
    }

    /**
     * DeleteThingGroup: its things leave it (they stay in the registry). A group with child groups is refused, so a
     * delete never takes a hierarchy with it unseen.
     */
    public void deleteThingGroup(String name) throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            groups.deleteThingGroup(name);
        }
    }

    /**
     * Gives a group a new name, keeping its members, child groups, attributes and (through the {@code renamed} event)
     * its policies. AWS cannot rename a group; the console can, and to devices and services it looks as AWS would
     * show a group re-created under the new name.
     */
    public ThingGroup renameThingGroup(String name, String newName) throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            return groups.renameThingGroup(name, newName);
        }
    }

    /**
     * Moves a group, with everything under it, below {@code newParent} (null: to the top). AWS fixes a group's parent
     * at creation; the console can move it within the same rules: seven deep at most, 100 children, never below
     * itself, and no thing ends up in two groups of one hierarchy.
     */
    public ThingGroup moveThingGroup(String name, @Nullable String newParent) throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            return groups.moveThingGroup(name, newParent);
        }
    }

    public Optional<ThingGroup> thingGroup(String name) {
        return groups.thingGroup(name);
    }

    /** Every thing group, parents before their children. */
    public List<ThingGroup> thingGroups() {
        return groups.thingGroups();
    }

    // --- things in groups

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
            members.addThingToGroup(group, thing, overrideDynamicGroups);
        }
    }

    /**
     * Moves a thing from one group to another in one step (the console's drag and drop): out of {@code fromGroup}
     * (null: from none) and into {@code toGroup}, or neither when the add is refused.
     */
    public void moveThing(String thing, @Nullable String fromGroup, String toGroup) throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            members.moveThing(thing, fromGroup, toGroup);
        }
    }

    public void removeThingFromGroup(String group, String thing) throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            members.removeThingFromGroup(group, thing);
        }
    }

    /** The groups a thing is in, each with all its ancestors: where group policies come from. */
    public List<String> groupsWithAncestors(String thing) {
        return members.groupsWithAncestors(thing);
    }

    /** Things in a group, and with {@code recursive} in all its descendants too. */
    public List<String> thingsInGroup(String group, boolean recursive) {
        return members.thingsInGroup(group, recursive);
    }

    /** Every group's direct members, in one read: for trees with member counts. */
    public Map<String, List<String>> membersByGroup() {
        return members.membersByGroup();
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
            return dynamicGroups.createDynamicThingGroup(name, queryString, queryVersion, attributes);
        }
    }

    /** UpdateDynamicThingGroup with a new query: {@code REBUILDING} until the index has chosen the members again. */
    public ThingGroup updateDynamicThingGroupQuery(String name, String queryString) throws RegistryException {
        try (OrderedChange ordered = inOrder()) {
            return dynamicGroups.updateDynamicThingGroupQuery(name, queryString);
        }
    }

    /**
     * The index has chosen every member for {@code queryString}: the group is {@code ACTIVE}, unless its query changed
     * meanwhile (then the next build finishes it).
     */
    public void dynamicGroupBuilt(String name, String queryString) {
        try (OrderedChange ordered = inOrder()) {
            dynamicGroups.dynamicGroupBuilt(name, queryString);
        }
    }

    /** Every dynamic group, oldest first: the older ones have priority for a thing's last group places. */
    public List<ThingGroup> dynamicThingGroups() {
        return dynamicGroups.dynamicThingGroups();
    }

    /** The dynamic groups a thing is in now. */
    public List<String> dynamicGroupsOf(String thing) {
        return dynamicGroups.dynamicGroupsOf(thing);
    }

    /** Every thing's dynamic groups, in one read: for building the whole index. */
    public Map<String, List<String>> dynamicGroupsByThing() {
        return dynamicGroups.dynamicGroupsByThing();
    }

    /**
     * Things start or stop matching a dynamic group's query: those entering join it while they are in fewer than ten
     * groups (taking the place of a newer dynamic group if need be), those leaving go. A thing that cannot join is
     * counted, not an error (AWS's {@code AddThingToDynamicThingGroupsFailed}).
     */
    public DynamicMembershipChange changeDynamicMembership(
            String group, Collection<String> entering, Collection<String> leaving) {
        try (OrderedChange ordered = inOrder()) {
            return dynamicGroups.changeDynamicMembership(group, entering, leaving);
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
}
