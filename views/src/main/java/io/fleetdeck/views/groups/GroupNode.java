package io.fleetdeck.views.groups;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One thing group as the registry has it: static, or dynamic (its members chosen by a fleet query). Immutable.
 *
 * @param parent the parent group, null at the top of a hierarchy
 * @param attributes the group's own attributes, sorted by name
 * @param policies the policies attached to the group itself
 * @param directMembers how many things are directly in it
 * @param totalMembers how many things are in it or in any group below it
 * @param dynamicQuery the fleet query that chooses a dynamic group's members; null for a static group
 * @param dynamicStatus BUILDING, REBUILDING or ACTIVE for a dynamic group; null for a static group
 */
public record GroupNode(
        String name,
        @Nullable String parent,
        Map<String, String> attributes,
        List<String> policies,
        int directMembers,
        int totalMembers,
        @Nullable String dynamicQuery,
        @Nullable String dynamicStatus) {

    public GroupNode {
        Objects.requireNonNull(name, "name");
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        policies = List.copyOf(policies);
    }

    /** A static group. */
    public GroupNode(
            String name,
            String parent,
            Map<String, String> attributes,
            List<String> policies,
            int directMembers,
            int totalMembers) {
        this(name, parent, attributes, policies, directMembers, totalMembers, null, null);
    }

    public boolean isDynamic() {
        return dynamicQuery != null;
    }

    /** A dynamic group whose membership is still being worked out. */
    public boolean isBuilding() {
        return isDynamic() && !"ACTIVE".equals(dynamicStatus);
    }
}
