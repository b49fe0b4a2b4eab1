package io.fleetdeck.views.thing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.fleetdeck.api.shadows.ShadowDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A shadow document read for display: its version and time, its desired and reported state as one tree of
 * {@link ShadowField}s with each leaf's timestamps, and which keys are in the delta. Made on a background thread from
 * the {@code get/accepted} JSON. Immutable.
 *
 * @param desired the desired section as the editor starts from it, pretty-printed; {@code {}} when there is none
 * @param fields the top-level keys of desired and reported together, sorted by name
 */
public record ShadowTree(long version, @Nullable Instant timestamp, String desired, List<ShadowField> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ShadowTree {
        fields = List.copyOf(fields);
    }

    /** What a thing without this shadow shows: nothing stored yet, version 0. */
    public static ShadowTree none() {
        return new ShadowTree(0, null, "{}", List.of());
    }

    public boolean exists() {
        return version > 0;
    }

    /** How many leaves wait for the device: desired set and not yet reported alike. */
    public int pendingLeaves() {
        int count = 0;
        for (ShadowField field : fields) {
            count += field.pendingLeaves();
        }
        return count;
    }

    /** The leaves that wait for the device, by path, each with the desired value (as JSON) it waits to report. */
    public Map<String, String> pendingDesired() {
        Map<String, String> pending = new LinkedHashMap<>();
        collectPending(fields, pending);
        return pending;
    }

    private static void collectPending(List<ShadowField> fields, Map<String, String> into) {
        for (ShadowField field : fields) {
            if (field.isLeaf() && field.pending()) {
                into.put(field.path(), String.valueOf(field.desired()));
            } else if (!field.isLeaf()) {
                collectPending(field.children(), into);
            }
        }
    }

    /** Reads a {@code get/accepted} document; a document that is not JSON is a bug in the service, not the user's. */
    public static ShadowTree of(ShadowDocument document) {
        JsonNode root;
        try {
            root = JSON.readTree(document.json());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the shadow document is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode state = root.path("state");
        JsonNode metadata = root.path("metadata");
        JsonNode desired = state.path("desired");
        List<ShadowField> fields = children(
                "",
                desired,
                state.path("reported"),
                state.path("delta"),
                metadata.path("desired"),
                metadata.path("reported"));
        return new ShadowTree(
                document.version(), document.timestamp(), desired.isObject() ? pretty(desired) : "{}", fields);
    }

    /** {@code value} as the editor shows it: two-space indents, one key a line. */
    static String pretty(JsonNode value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree always writes", e);
        }
    }

    private static List<ShadowField> children(
            String parentPath,
            JsonNode desired,
            JsonNode reported,
            JsonNode delta,
            JsonNode desiredMeta,
            JsonNode reportedMeta) {
        TreeSet<String> keys = new TreeSet<>();
        if (desired.isObject()) {
            desired.fieldNames().forEachRemaining(keys::add);
        }
        if (reported.isObject()) {
            reported.fieldNames().forEachRemaining(keys::add);
        }
        List<ShadowField> fields = new ArrayList<>(keys.size());
        for (String key : keys) {
            fields.add(field(
                    parentPath.isEmpty() ? key : parentPath + "." + key,
                    key,
                    child(desired, key),
                    child(reported, key),
                    child(delta, key),
                    child(desiredMeta, key),
                    child(reportedMeta, key)));
        }
        return fields;
    }

    private static ShadowField field(
            String path,
            String key,
            JsonNode desired,
            JsonNode reported,
            JsonNode delta,
            JsonNode desiredMeta,
            JsonNode reportedMeta) {
        List<ShadowField> children = desired.isObject() || reported.isObject()
                ? children(path, desired, reported, delta, desiredMeta, reportedMeta)
                : List.of();
        // a delta that is not an object here replaces the whole reported value, children and all
        boolean pending = !delta.isMissingNode()
                && (children.isEmpty() || !delta.isObject() || children.stream().anyMatch(ShadowField::pending));
        return new ShadowField(
                key,
                path,
                leafText(desired),
                leafTime(desired, desiredMeta),
                leafText(reported),
                leafTime(reported, reportedMeta),
                pending,
                children);
    }

    private static JsonNode child(JsonNode node, String key) {
        return node.isObject() && node.has(key) ? node.get(key) : MissingNode.getInstance();
    }

    /** A value's JSON; null when it is missing or an object, which show as children instead. */
    private static @Nullable String leafText(JsonNode value) {
        return value.isMissingNode() || value.isObject() ? null : value.toString();
    }

    /**
     * The time a leaf was written: {@code {"timestamp":T}} for a value, and for an array one such object per element
     * (§1.5), of which the latest counts.
     */
    private static @Nullable Instant leafTime(JsonNode value, JsonNode metadata) {
        if (value.isMissingNode() || value.isObject()) {
            return null;
        }
        long latest = -1;
        if (metadata.isArray()) {
            for (JsonNode element : metadata) {
                latest = Math.max(latest, element.path("timestamp").asLong(-1));
            }
        } else {
            latest = metadata.path("timestamp").asLong(-1);
        }
        return latest < 0 ? null : Instant.ofEpochSecond(latest);
    }

    /** For tests: the field at {@code path}, or null. */
    @Nullable ShadowField field(String path) {
        return find(fields, path);
    }

    private static @Nullable ShadowField find(List<ShadowField> fields, String path) {
        for (ShadowField field : fields) {
            if (field.path().equals(path)) {
                return field;
            }
            if (path.startsWith(field.path() + ".")) {
                return find(field.children(), path);
            }
        }
        return null;
    }
}
