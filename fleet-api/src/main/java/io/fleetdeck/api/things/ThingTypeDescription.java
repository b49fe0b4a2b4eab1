package io.fleetdeck.api.things;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * DescribeThingType's answer: the type's properties and metadata.
 *
 * @param description null when it has none
 * @param deprecationDate when it was deprecated; null while new things may take it
 */
public record ThingTypeDescription(
        String thingTypeName,
        @Nullable String description,
        List<String> searchableAttributes,
        Instant creationDate,
        @Nullable Instant deprecationDate) {

    public ThingTypeDescription {
        searchableAttributes = List.copyOf(searchableAttributes);
    }

    public boolean deprecated() {
        return deprecationDate != null;
    }
}
