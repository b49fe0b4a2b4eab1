package io.fleetdeck.fleet.registry;

import java.util.List;
import java.util.Map;

/**
 * A static thing group: its parent (null at a root), its path from the root down to the parent
 * ({@code rootToParentThingGroups}), its own attributes (not inherited, as on AWS) and version.
 */
public record ThingGroup(
        String name, String parent, List<String> rootToParent, Map<String, String> attributes, long version) {

    public ThingGroup {
        rootToParent = List.copyOf(rootToParent);
        attributes = Map.copyOf(attributes);
    }
}
