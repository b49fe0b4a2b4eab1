package io.fleetdeck.views.thing;

import org.jspecify.annotations.Nullable;

/**
 * A difference at one path between two versions of a shadow.
 *
 * @param path where, from the top of the document: {@code desired.config.led}
 * @param before the older value as JSON, null when it was added
 * @param after the newer value as JSON, null when it was removed
 */
public record FieldChange(
        Kind kind,
        String path,
        @Nullable String before,
        @Nullable String after) {

    public enum Kind {
        ADDED("added"),
        REMOVED("removed"),
        CHANGED("changed");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }
}
