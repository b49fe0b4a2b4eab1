package io.fleetdeck.fleet.shadow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * One version of a shadow: its desired and reported sections (null when absent), their metadata (per-leaf timestamps
 * in the same shape), the version and when it was written (epoch seconds, as AWS's shadow documents carry).
 */
record ShadowState(
        @Nullable ObjectNode desired,
        @Nullable ObjectNode reported,
        @Nullable ObjectNode desiredMetadata,
        @Nullable ObjectNode reportedMetadata,
        long version,
        long timestamp) {

    static ShadowState empty(long version) {
        return new ShadowState(null, null, null, null, version, 0);
    }
}
