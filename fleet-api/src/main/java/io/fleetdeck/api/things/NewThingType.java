package io.fleetdeck.api.things;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CreateThingType's request.
 *
 * @param description null for none
 * @param searchableAttributes the attributes a thing of this type may be searched by (AWS allows at most 3)
 */
public record NewThingType(String thingTypeName, @Nullable String description, List<String> searchableAttributes) {

    public NewThingType {
        searchableAttributes = List.copyOf(searchableAttributes);
    }
}
