package io.fleetdeck.fleet.shadow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * A shadow version's sections as JSON text, made once: the store writes them to the shadow's row and, put together,
 * as the history's document, so the committer serializes each section once per version.
 */
record ShadowText(
        @Nullable String desired,
        @Nullable String reported,
        @Nullable String desiredMetadata,
        @Nullable String reportedMetadata) {

    static ShadowText of(ShadowState state) {
        return new ShadowText(
                text(state.desired()),
                text(state.reported()),
                text(state.desiredMetadata()),
                text(state.reportedMetadata()));
    }

    /** The whole document as {@code update/documents} shows it in {@code current}, the same text Jackson writes. */
    String document(long version) {
        return "{\"state\":" + sections(desired, reported) + ",\"metadata\":"
                + sections(desiredMetadata, reportedMetadata) + ",\"version\":" + version + "}";
    }

    private static String sections(@Nullable String desired, @Nullable String reported) {
        StringBuilder sections = new StringBuilder("{");
        if (desired != null) {
            sections.append("\"desired\":").append(desired);
        }
        if (reported != null) {
            sections.append(desired != null ? "," : "").append("\"reported\":").append(reported);
        }
        return sections.append('}').toString();
    }

    private static @Nullable String text(@Nullable ObjectNode node) {
        return node == null ? null : node.toString();
    }
}
