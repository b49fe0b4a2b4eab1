package io.fleetdeck.api.groups;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One thing group as the registry has it: static, or dynamic (its members chosen by a fleet query). Immutable.
 *
 * @param rootToParent the groups above it, the root first; empty at the top of a hierarchy
 * @param attributes the group's own attributes, sorted by name
 * @param policies the policies attached to the group itself
 * @param directMembers how many things are directly in it
 * @param totalMembers how many things are in it or in any group below it
 * @param dynamicQuery the fleet query that chooses a dynamic group's members; null for a static group
 * @param dynamicStatus BUILDING, REBUILDING or ACTIVE for a dynamic group; null for a static group
 */
public record ThingGroupSummary(
        String name,
        List<String> rootToParent,
        Map<String, String> attributes,
        List<String> policies,
        int directMembers,
        int totalMembers,
        @Nullable String dynamicQuery,
        @Nullable String dynamicStatus) {

    public ThingGroupSummary {
        Objects.requireNonNull(name, "name");
        rootToParent = List.copyOf(rootToParent);
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        policies = List.copyOf(policies);
    }

    /** A static group. */
    public ThingGroupSummary(
            String name,
            List<String> rootToParent,
            Map<String, String> attributes,
            List<String> policies,
            int directMembers,
            int totalMembers) {
        this(name, rootToParent, attributes, policies, directMembers, totalMembers, null, null);
    }

    /** The parent group, null at the top of a hierarchy. */
    public @Nullable String parent() {
        return rootToParent.isEmpty() ? null : rootToParent.getLast();
    }

    public boolean isDynamic() {
        return dynamicQuery != null;
    }

    /** A dynamic group whose membership is still being worked out. */
    public boolean isBuilding() {
        return isDynamic() && !"ACTIVE".equals(dynamicStatus);
    }
}
