package io.fleetdeck.views.groups;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One static thing group as the registry has it. Immutable.
 *
 * @param parent the parent group, null at the top of a hierarchy
 * @param attributes the group's own attributes, sorted by name
 * @param policies the policies attached to the group itself
 * @param directMembers how many things are directly in it
 * @param totalMembers how many things are in it or in any group below it
 */
public record GroupNode(
        String name,
        String parent,
        Map<String, String> attributes,
        List<String> policies,
        int directMembers,
        int totalMembers) {

    public GroupNode {
        Objects.requireNonNull(name, "name");
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        policies = List.copyOf(policies);
    }
}
