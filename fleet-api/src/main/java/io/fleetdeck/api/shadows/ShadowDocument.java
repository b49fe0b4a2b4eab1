package io.fleetdeck.api.shadows;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a shadow as the shadow service wrote it.
 *
 * @param timestamp when that version was written
 * @param json the document: {@code get/accepted}'s for the current version, {@code update/accepted}'s for an update,
 *     {@code documents}' {@code current} for a version in the history
 */
public record ShadowDocument(long version, Instant timestamp, String json) {

    public ShadowDocument {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(json, "json");
    }
}
