package io.fleetdeck.api.things;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * UpdateThing's request: the attributes to set (an empty value removes one when merging), merged into the thing's
 * or replacing them, only while the thing is at {@code expectedVersion} when one is given.
 */
public record ThingChange(
        String thingName,
        Map<String, String> attributes,
        boolean merge,
        @Nullable Long expectedVersion) {

    public ThingChange {
        attributes = Map.copyOf(attributes);
    }
}
