package io.fleetdeck.views.thing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdeck.api.shadows.ShadowDocument;
import io.fleetdeck.views.common.Texts;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One version on the shadow's timeline: when it was written, its document parsed once (off the JavaFX thread), and how
 * it differs from the version before it. Immutable.
 *
 * @param changesFromPrevious what this version changed against the one before it; all added for the oldest kept
 */
public record TimelineVersion(
        long version, Instant writtenAt, JsonNode document, List<FieldChange> changesFromPrevious) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public TimelineVersion {
        changesFromPrevious = List.copyOf(changesFromPrevious);
    }

    /** The timeline of {@code history} (newest first, as the shadow service lists it), newest first. */
    static List<TimelineVersion> timeline(List<ShadowDocument> history) {
        List<JsonNode> documents = history.stream().map(TimelineVersion::parse).toList();
        JsonNode nothing = JSON.createObjectNode();
        return IntStream.range(0, history.size())
                .mapToObj(i -> new TimelineVersion(
                        history.get(i).version(),
                        history.get(i).timestamp(),
                        documents.get(i),
                        ShadowDiff.between(
                                i + 1 < documents.size() ? documents.get(i + 1) : nothing, documents.get(i))))
                .toList();
    }

    /** {@code +2 −1 ~3}: how much this version changed, for the timeline. */
    public String changeSummary() {
        long added = count(FieldChange.Kind.ADDED);
        long removed = count(FieldChange.Kind.REMOVED);
        long changed = count(FieldChange.Kind.CHANGED);
        if (added + removed + changed == 0) {
            return Texts.get("thing.history.noChange");
        }
        StringBuilder text = new StringBuilder();
        append(text, added, "+");
        append(text, removed, "\u2212");
        append(text, changed, "~");
        return text.toString();
    }

    private long count(FieldChange.Kind kind) {
        return changesFromPrevious.stream().filter(c -> c.kind() == kind).count();
    }

    private static void append(StringBuilder text, long count, String sign) {
        if (count > 0) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(sign).append(count);
        }
    }

    private static JsonNode parse(ShadowDocument document) {
        try {
            return JSON.readTree(document.json());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "version " + document.version() + " of the shadow is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
