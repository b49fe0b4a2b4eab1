package io.fleetdeck.app.service;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.InvalidRequestException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.groups.GroupService;
import io.fleetdeck.api.groups.ThingGroupSummary;
import io.fleetdeck.api.page.Page;
import io.fleetdeck.api.page.PageRequest;
import io.fleetdeck.fleet.identity.IdentityService;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.registry.ThingGroup;
import io.fleetdeck.index.DynamicThingGroups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@link GroupService} over this process's registry, its dynamic groups (which follow the fleet index) and the
 * identity service (each group's policies). Any thread.
 */
public final class LocalGroups implements GroupService {

    private final Registry registry;
    private final IdentityService identities;
    private final Supplier<DynamicThingGroups> dynamicGroups;

    /** @param dynamicGroups asked only to create or change a dynamic group; it may refuse before the index runs */
    public LocalGroups(Registry registry, IdentityService identities, Supplier<DynamicThingGroups> dynamicGroups) {
        this.registry = registry;
        this.identities = identities;
        this.dynamicGroups = dynamicGroups;
    }

    @Override
    public List<ThingGroupSummary> thingGroupHierarchy() {
        List<ThingGroup> groups = registry.thingGroups();
        Map<String, List<String>> members = registry.membersByGroup();
        Map<String, List<String>> children = new HashMap<>();
        groups.stream()
                .filter(group -> group.parent() != null)
                .forEach(group -> children.computeIfAbsent(group.parent(), p -> new ArrayList<>())
                        .add(group.name()));
        List<ThingGroupSummary> summaries = new ArrayList<>(groups.size());
        for (ThingGroup group : groups) {
            summaries.add(summary(
                    group,
                    members.getOrDefault(group.name(), List.of()).size(),
                    thingsUnder(group.name(), members, children).size()));
        }
        return summaries;
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
    public ThingGroupSummary describeThingGroup(String name) throws FleetApiException {
        return summary(existing(name));
    }

    @Override
    public ThingGroupSummary createThingGroup(String name, @Nullable String parent) throws FleetApiException {
        return summary(ApiErrors.call(() -> registry.createThingGroup(name, parent, Map.of())));
    }

    @Override
    public ThingGroupSummary createDynamicThingGroup(String name, String queryString) throws FleetApiException {
        DynamicThingGroups dynamic = dynamic();
        return summary(ApiErrors.call(() -> dynamic.create(name, queryString, Map.of())));
    }

    @Override
    public ThingGroupSummary updateDynamicThingGroup(String name, String queryString) throws FleetApiException {
        DynamicThingGroups dynamic = dynamic();
        return summary(ApiErrors.call(() -> dynamic.changeQuery(name, queryString)));
    }

    @Override
    public ThingGroupSummary updateThingGroupAttributes(String name, Map<String, String> attributes)
            throws FleetApiException {
        existing(name);
        return summary(ApiErrors.call(() -> registry.updateThingGroup(name, attributes, false, null)));
    }

    @Override
    public ThingGroupSummary renameThingGroup(String name, String newName) throws FleetApiException {
        return summary(ApiErrors.call(() -> registry.renameThingGroup(name, newName)));
    }

    @Override
    public void deleteThingGroup(String name) throws FleetApiException {
        ApiErrors.call(() -> {
            registry.deleteThingGroup(name);
            return null;
        });
    }

    @Override
    public ThingGroupSummary moveThingGroup(String name, @Nullable String newParent) throws FleetApiException {
        return summary(ApiErrors.call(() -> registry.moveThingGroup(name, newParent)));
    }

    @Override
    public void moveThing(String thingName, @Nullable String fromGroup, String toGroup) throws FleetApiException {
        ApiErrors.call(() -> {
            registry.moveThing(thingName, fromGroup, toGroup);
            return null;
        });
    }

    @Override
    public Page<String> listThingsInThingGroup(String name, boolean recursive, PageRequest page)
            throws FleetApiException {
        existing(name);
        return NamePages.of(registry.thingsInGroup(name, recursive), page, Optional::of);
    }

    private ThingGroup existing(String name) throws ResourceNotFoundException {
        return registry.thingGroup(name)
                .orElseThrow(() -> new ResourceNotFoundException("no thing group named " + name));
    }

    private DynamicThingGroups dynamic() throws InvalidRequestException {
        try {
            return dynamicGroups.get();
        } catch (IllegalStateException e) {
            throw new InvalidRequestException("dynamic groups need the fleet index, which has not started yet");
        }
    }

    private ThingGroupSummary summary(ThingGroup group) {
        return summary(
                group,
                registry.thingsInGroup(group.name(), false).size(),
                registry.thingsInGroup(group.name(), true).size());
    }

    private ThingGroupSummary summary(ThingGroup group, int directMembers, int totalMembers) {
        ThingGroup.DynamicMembership dynamic = group.dynamic();
        return new ThingGroupSummary(
                group.name(),
                group.rootToParent(),
                group.attributes(),
                identities.groupPolicies(group.name()),
                directMembers,
                totalMembers,
                dynamic == null ? null : dynamic.queryString(),
                dynamic == null ? null : dynamic.status().name());
    }
}
