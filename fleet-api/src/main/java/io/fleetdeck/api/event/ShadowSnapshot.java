package io.fleetdeck.api.event;

import org.jspecify.annotations.Nullable;

/**
 * A shadow's sections as committed, each the JSON text of an object, or null when the shadow has none: what the fleet
 * index needs to write the shadow's fields without reading the store back.
 *
 * @param pendingDeltaFields how many top-level desired fields the device has yet to report
 */
public record ShadowSnapshot(
        @Nullable String desired,
        @Nullable String reported,
        @Nullable String delta,
        @Nullable String desiredMetadata,
        @Nullable String reportedMetadata,
        int pendingDeltaFields) {}
