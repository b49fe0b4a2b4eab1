package io.fleetdeck.index;

import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.registry.ThingGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The thing-group index {@code AWS_ThingGroups} (AWS-IOT-BEHAVIOUR §3.1, §3.2): groups found by the same query
 * language on their own fields — the name (queried as {@code thingGroupNames}), {@code thingGroupId},
 * {@code attributes.<name>}, {@code parentGroupNames} (every ancestor) and {@code version} (returned, not searched).
 * A site has hundreds of groups, not millions, so each search reads them from the registry and evaluates the query in
 * memory, with the semantics the differential test holds equal to the Lucene index's.
 */
public final class ThingGroupSearch {

    public static final String INDEX_NAME = "AWS_ThingGroups";

    private final Registry registry;

    public ThingGroupSearch(Registry registry) {
        this.registry = registry;
    }

    /** The names of the groups matching {@code query}, sorted. */
    public List<String> search(FleetQuery query) {
        List<String> names = new ArrayList<>();
        for (ThingGroup group : registry.thingGroups()) {
            if (query.matches(document(group))) {
                names.add(group.name());
            }
        }
        names.sort(null);
        return names;
    }

    /** Every field a group query can find something in: the group's own fields and each attribute some group has. */
    public Set<String> fieldNames() {
        Set<String> fields = new TreeSet<>(List.of("thingGroupNames", "thingGroupId", "parentGroupNames"));
        for (ThingGroup group : registry.thingGroups()) {
            group.attributes().keySet().forEach(name -> fields.add("attributes." + name));
        }
        return fields;
    }

    static FleetDocument document(ThingGroup group) {
        FleetDocument.Builder document = FleetDocument.builder(group.name())
                .add("thingGroupNames", group.name())
                .add("thingGroupId", group.thingGroupId())
                .addAll("parentGroupNames", group.rootToParent())
                .add("version", group.version());
        group.attributes().forEach(document::attribute);
        return document.build();
    }
}
