package io.fleetdeck.fleet.registry;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A thing group: its parent (null at a root), its path from the root down to the parent
 * ({@code rootToParentThingGroups}), its own attributes (not inherited, as on AWS) and version. A dynamic group
 * ({@link #dynamic()} not null) has its members chosen by a fleet index query instead, and no parent or children.
 */
public record ThingGroup(
        String name,
        @Nullable String parent,
        List<String> rootToParent,
        Map<String, String> attributes,
        long version,
        @Nullable DynamicMembership dynamic) {

    public ThingGroup {
        rootToParent = List.copyOf(rootToParent);
        attributes = Map.copyOf(attributes);
    }

    /** The group's id ({@code thingGroupId}): a UUID derived from its name, the same in every event and index. */
    public String thingGroupId() {
        return RegistryEventPublisher.id("thingGroup", name);
    }

    public boolean isDynamic() {
        return dynamic != null;
    }

    /** The top group of its hierarchy: itself at a root. A thing is in at most one group of each hierarchy. */
    String root() {
        return rootToParent.isEmpty() ? name : rootToParent.getFirst();
    }

    /**
     * How a dynamic group chooses its things (AWS-IOT-BEHAVIOUR §3.5): the query, its language version and whether
     * the membership is complete ({@code ACTIVE}) or still being worked out after a create or a query change.
     */
    public record DynamicMembership(String queryString, String queryVersion, Status status) {

        public enum Status {
            BUILDING,
            REBUILDING,
            ACTIVE
        }
    }
}
