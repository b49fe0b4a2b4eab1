package io.fleetdeck.fleet.shadow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * A shadow's state as committed, for readers that index or list it: its thing, its name ("" for the classic shadow),
 * desired and reported (null when absent), the delta between them (null when none), the metadata of desired and of
 * reported (each leaf's {@code timestamp}; null when absent) and its version.
 */
public record ShadowSections(
        String thing,
        String shadow,
        @Nullable ObjectNode desired,
        @Nullable ObjectNode reported,
        @Nullable ObjectNode delta,
        @Nullable ObjectNode desiredMetadata,
        @Nullable ObjectNode reportedMetadata,
        long version) {

    public boolean hasDelta() {
        return delta != null;
    }
}
