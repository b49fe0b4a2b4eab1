package io.fleetdeck.fleet.registry;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A thing type as the registry keeps it (AWS-IOT-BEHAVIOUR §4.2): immutable once created but for its deprecation.
 *
 * @param description null when none was given
 * @param deprecatedAt when it was deprecated; null while new things may use it
 */
public record ThingType(
        String name,
        @Nullable String description,
        List<String> searchableAttributes,
        Instant createdAt,
        @Nullable Instant deprecatedAt) {

    public ThingType {
        searchableAttributes = List.copyOf(searchableAttributes);
    }

    public boolean deprecated() {
        return deprecatedAt != null;
    }
}
