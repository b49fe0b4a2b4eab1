package io.fleetdeck.api.things;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * DescribeThing's answer: the thing's name, id, type (none when untyped), attributes, version and the static groups it
 * is directly in.
 */
public record ThingDescription(
        String thingName,
        String thingId,
        @Nullable String thingTypeName,
        Map<String, String> attributes,
        long version,
        List<String> thingGroupNames) {

    public ThingDescription {
        attributes = Map.copyOf(attributes);
        thingGroupNames = List.copyOf(thingGroupNames);
    }
}
