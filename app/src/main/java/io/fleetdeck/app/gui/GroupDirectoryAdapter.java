package io.fleetdeck.app.gui;

import io.fleetdeck.api.event.EventKind;
import io.fleetdeck.api.event.EventPump;
import io.fleetdeck.api.event.FleetEvents;
import io.fleetdeck.api.event.SubscriptionOptions;
import io.fleetdeck.app.runtime.FleetdeckInstance;
import io.fleetdeck.fleet.identity.IdentityService;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.registry.RegistryException;
import io.fleetdeck.fleet.registry.ThingGroup;
import io.fleetdeck.index.DynamicThingGroups;
import io.fleetdeck.index.QueryException;
import io.fleetdeck.views.groups.GroupActionException;
import io.fleetdeck.views.groups.GroupDirectory;
import io.fleetdeck.views.groups.GroupNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Groups view's port over the registry (the hierarchy, members, the console's rename and move) and the identity
 * service (each group's policies). Refusals carry the registry's words. Any thread.
 */
public final class GroupDirectoryAdapter implements GroupDirectory {

    private final Registry registry;
    private final IdentityService identities;
    private final DynamicThingGroups dynamicGroups;
    private final FleetEvents events;

    /** @param dynamicGroups null where no index runs: dynamic groups are then shown but not created */
    GroupDirectoryAdapter(
            Registry registry, IdentityService identities, DynamicThingGroups dynamicGroups, FleetEvents events) {
        this.registry = registry;
        this.identities = identities;
        this.dynamicGroups = dynamicGroups;
        this.events = events;
    }

    /** The Groups view's source for a running instance. */
    public static GroupDirectory of(FleetdeckInstance instance) {
        return new GroupDirectoryAdapter(
                instance.services().registry(),
                instance.services().identities(),
                instance.services().dynamicGroups(),
                instance.services().events());
    }

    @Override
    public List<GroupNode> groups() {
        List<ThingGroup> groups = registry.thingGroups();
        Map<String, List<String>> members = registry.membersByGroup();
        Map<String, List<String>> children = new HashMap<>();
        groups.stream()
                .filter(group -> group.parent() != null)
                .forEach(group -> children.computeIfAbsent(group.parent(), p -> new ArrayList<>())
                        .add(group.name()));
        List<GroupNode> nodes = new ArrayList<>(groups.size());
        for (ThingGroup group : groups) {
            nodes.add(new GroupNode(
                    group.name(),
                    group.parent(),
                    group.attributes(),
                    identities.groupPolicies(group.name()),
                    members.getOrDefault(group.name(), List.of()).size(),
                    thingsUnder(group.name(), members, children).size(),
                    group.dynamic() != null ? group.dynamic().queryString() : null,
                    group.dynamic() != null ? group.dynamic().status().name() : null));
        }
        return nodes;
    }

    /** The distinct things in a group and its descendants: a thing counts once however deep it sits. */
    private static Set<String> thingsUnder(
            String group, Map<String, List<String>> members, Map<String, List<String>> children) {
        Set<String> things = new HashSet<>(members.getOrDefault(group, List.of()));
        for (String child : children.getOrDefault(group, List.of())) {
            things.addAll(thingsUnder(child, members, children));
        }
        return things;
    }

    @Override
    public List<String> members(String group) {
        return registry.thingsInGroup(group, false);
    }

    @Override
    public void create(String name, @Nullable String parent) throws GroupActionException {
        refusedAs(() -> {
            registry.createThingGroup(name, parent, Map.of());
        });
    }

    @Override
    public void createDynamic(String name, String query) throws GroupActionException {
        if (dynamicGroups == null) {
            GroupDirectory.super.createDynamic(name, query);
            return;
        }
        try {
            dynamicGroups.create(name, query, Map.of());
        } catch (RegistryException e) {
            throw new GroupActionException(e.getMessage());
        } catch (QueryException e) {
            throw new GroupActionException("query error: " + e.getMessage());
        }
    }

    @Override
    public void rename(String name, String newName) throws GroupActionException {
        refusedAs(() -> {
            registry.renameThingGroup(name, newName);
        });
    }

    @Override
    public void delete(String name) throws GroupActionException {
        refusedAs(() -> registry.deleteThingGroup(name));
    }

    @Override
    public void moveGroup(String name, @Nullable String newParent) throws GroupActionException {
        refusedAs(() -> {
            registry.moveThingGroup(name, newParent);
        });
    }

    @Override
    public void moveThing(String thingName, @Nullable String fromGroup, String toGroup) throws GroupActionException {
        refusedAs(() -> registry.moveThing(thingName, fromGroup, toGroup));
    }

    /** Once per batch of group, hierarchy or membership events (coalesced: the view reads the groups again). */
    @Override
    public AutoCloseable onChange(Runnable changed) {
        return EventPump.start(
                "groups-view-events",
                events.subscribe(SubscriptionOptions.forView(
                        "groups view",
                        EventKind.GROUP_CHANGED,
                        EventKind.HIERARCHY_CHANGED,
                        EventKind.MEMBERSHIP_CHANGED)),
                batch -> changed.run());
    }

    private interface RegistryCall {
        void run() throws RegistryException;
    }

    private static void refusedAs(RegistryCall call) throws GroupActionException {
        try {
            call.run();
        } catch (RegistryException e) {
            throw new GroupActionException(e.getMessage());
        }
    }
}
