package io.fleetdeck.api.things;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** CreateThing's request: a name, an optional thing type and attributes. */
public record NewThing(String thingName, @Nullable String thingTypeName, Map<String, String> attributes) {

    public NewThing {
        attributes = Map.copyOf(attributes);
    }
}
