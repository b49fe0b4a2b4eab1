package io.fleetdeck.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdeck.api.event.ShadowSnapshot;
import io.fleetdeck.fleet.shadow.ShadowSections;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * A shadow's fields in a thing's document (AWS-IOT-BEHAVIOUR §3.2): the classic shadow under {@code shadow.}, a named
 * one under {@code shadow.name.<n>.}, each with reported, desired, delta, metadata, {@code hasDelta} and version.
 * The same fields whether the shadow was read from the store or came with the event of its commit.
 */
final class ShadowFields {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAMED = "shadow.name.";

    private ShadowFields() {}

    static String prefix(String shadow) {
        return shadow.isEmpty() ? "shadow" : NAMED + shadow;
    }

    /** Whether {@code path} is one of the fields of {@code shadow} ("" the classic shadow). */
    static boolean belongsTo(String path, String shadow) {
        if (shadow.isEmpty()) {
            return path.startsWith("shadow.") && !path.startsWith(NAMED);
        }
        return path.startsWith(NAMED + shadow + ".");
    }

    static void add(FleetDocument.Builder document, ShadowSections shadow) {
        String prefix = prefix(shadow.shadow());
        addSection(document, prefix + ".reported", shadow.reported());
        addSection(document, prefix + ".desired", shadow.desired());
        addSection(document, prefix + ".delta", shadow.delta());
        addSection(document, prefix + ".metadata.desired", shadow.desiredMetadata());
        addSection(document, prefix + ".metadata.reported", shadow.reportedMetadata());
        document.add(prefix + ".hasDelta", shadow.hasDelta()).add(prefix + ".version", shadow.version());
    }

    static void add(FleetDocument.Builder document, String shadow, long version, ShadowSnapshot state) {
        String prefix = prefix(shadow);
        addSection(document, prefix + ".reported", parsed(state.reported()));
        addSection(document, prefix + ".desired", parsed(state.desired()));
        addSection(document, prefix + ".delta", parsed(state.delta()));
        addSection(document, prefix + ".metadata.desired", parsed(state.desiredMetadata()));
        addSection(document, prefix + ".metadata.reported", parsed(state.reportedMetadata()));
        document.add(prefix + ".hasDelta", state.delta() != null).add(prefix + ".version", version);
    }

    private static void addSection(FleetDocument.Builder document, String prefix, @Nullable JsonNode section) {
        if (section != null) {
            document.json(prefix, section);
        }
    }

    private static @Nullable JsonNode parsed(@Nullable String section) {
        if (section == null) {
            return null;
        }
        try {
            return JSON.readTree(section);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // the committer wrote this text from a document it had parsed: unreadable text is a bug, not input
            throw new UncheckedIOException("a committed shadow section is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
