package io.fleetdeck.fleet.registry;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A thing as the registry describes it: name, type (or null), attributes, version, and its static groups. */
public record Thing(
        String name, @Nullable String thingType, Map<String, String> attributes, long version, List<String> groups) {

    public Thing {
        attributes = Map.copyOf(attributes);
        groups = List.copyOf(groups);
    }

    /** The thing's id ({@code thingId}): a UUID derived from its name, the same in every event and index. */
    public String thingId() {
        return RegistryEventPublisher.id("thing", name);
    }
}
