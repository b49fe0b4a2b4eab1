package io.fleetdeck.fleet.shadow;

import static io.fleetdeck.fleet.shadow.UpdateRequest.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Device Shadow rules (AWS-IOT-BEHAVIOUR §1.4–§1.7): optimistic locking, the section-by-section deep merge with
 * null deletion and whole-value arrays, per-leaf metadata timestamps, the 8 KB limit, and the delta between desired
 * and reported. Pure functions over Jackson trees; the inputs are never changed.
 */
final class ShadowEngine {

    /**
     * AWS's 8 KB (AWS-IOT-BEHAVIOUR §1.10), counted one way only, by {@link #stateBytes}: over the state the update
     * leaves, never over the request's bytes.
     */
    static final int MAX_DOCUMENT_BYTES = 8192;

    private ShadowEngine() {}

    /**
     * The shadow after {@code request}, or why not. {@code current} is null for a shadow that does not exist;
     * {@code lastVersion} then is the version it had when deleted less than 48 hours ago, else 0.
     */
    static ShadowState apply(@Nullable ShadowState current, long lastVersion, UpdateRequest request, long now)
            throws ShadowException {
        long version = current == null ? lastVersion : current.version();
        if (request.version() != null && request.version() != version) {
            throw new ShadowException(409, "Version conflict");
        }
        ObjectNode desired = current == null || current.desired() == null
                ? null
                : current.desired().deepCopy();
        ObjectNode reported = current == null || current.reported() == null
                ? null
                : current.reported().deepCopy();
        ObjectNode desiredMeta = current == null || current.desiredMetadata() == null
                ? null
                : current.desiredMetadata().deepCopy();
        ObjectNode reportedMeta = current == null || current.reportedMetadata() == null
                ? null
                : current.reportedMetadata().deepCopy();
        if (request.desired() == UpdateRequest.REMOVE) {
            desired = null;
            desiredMeta = null;
        } else if (request.desired() != null) {
            desired = desired == null ? JSON.createObjectNode() : desired;
            desiredMeta = desiredMeta == null ? JSON.createObjectNode() : desiredMeta;
            merge(desired, desiredMeta, request.desired(), now);
        }
        if (request.reported() == UpdateRequest.REMOVE) {
            reported = null;
            reportedMeta = null;
        } else if (request.reported() != null) {
            reported = reported == null ? JSON.createObjectNode() : reported;
            reportedMeta = reportedMeta == null ? JSON.createObjectNode() : reportedMeta;
            merge(reported, reportedMeta, request.reported(), now);
        }
        if (stateBytes(desired, reported) > MAX_DOCUMENT_BYTES) {
            throw new ShadowException(413, "The payload exceeds the maximum size allowed");
        }
        return new ShadowState(
                emptyToNull(desired),
                emptyToNull(reported),
                emptyToNull(desiredMeta),
                emptyToNull(reportedMeta),
                version + 1,
                now);
    }

    /** Deep merge: null deletes, objects recurse into objects, anything else replaces the stored value whole. */
    private static void merge(ObjectNode target, ObjectNode metadata, ObjectNode request, long now) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = request.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(key);
                metadata.remove(key);
            } else if (value.isObject() && target.get(key) instanceof ObjectNode stored) {
                ObjectNode storedMeta = metadata.get(key) instanceof ObjectNode meta ? meta : metadata.putObject(key);
                merge(stored, storedMeta, (ObjectNode) value, now);
                if (stored.isEmpty()) {
                    target.remove(key);
                    metadata.remove(key);
                }
            } else {
                JsonNode copy = withoutNulls(value);
                if (copy.isObject() && copy.isEmpty()) {
                    target.remove(key);
                    metadata.remove(key);
                } else {
                    target.set(key, copy);
                    metadata.set(key, metadataFor(copy, now));
                }
            }
        }
    }

    /** A new object value may itself carry nulls, which delete nothing and are not stored. */
    private static JsonNode withoutNulls(JsonNode value) {
        if (!value.isObject()) {
            return value.deepCopy();
        }
        ObjectNode copy = JSON.createObjectNode();
        value.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                JsonNode inner = withoutNulls(field.getValue());
                if (!(inner.isObject() && inner.isEmpty())) {
                    copy.set(field.getKey(), inner);
                }
            }
        });
        return copy;
    }

    /** Metadata mirrors the value: objects recurse, arrays get one entry per element, leaves a timestamp. */
    static JsonNode metadataFor(JsonNode value, long now) {
        if (value.isObject()) {
            ObjectNode metadata = JSON.createObjectNode();
            value.fields().forEachRemaining(field -> metadata.set(field.getKey(), metadataFor(field.getValue(), now)));
            return metadata;
        }
        if (value.isArray()) {
            ArrayNode metadata = JSON.createArrayNode();
            value.forEach(element -> metadata.add(metadataFor(element, now)));
            return metadata;
        }
        return JSON.createObjectNode().put("timestamp", now);
    }

    /** {@code diff(desired, reported)} of §1.6: desired's leaves that reported lacks or holds differently. */
    static @Nullable ObjectNode delta(@Nullable ObjectNode desired, @Nullable ObjectNode reported) {
        JsonNode delta = diff(desired, reported);
        return delta instanceof ObjectNode object && !object.isEmpty() ? object : null;
    }

    private static @Nullable JsonNode diff(@Nullable JsonNode desired, @Nullable JsonNode reported) {
        if (desired == null) {
            return null;
        }
        if (reported == null) {
            return desired.deepCopy();
        }
        if (desired.isObject() && reported.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            desired.fields().forEachRemaining(field -> {
                JsonNode sub = diff(field.getValue(), reported.get(field.getKey()));
                if (sub != null) {
                    out.set(field.getKey(), sub);
                }
            });
            return out.isEmpty() ? null : out;
        }
        return sameValue(desired, reported) ? null : desired.deepCopy();
    }

    /** JSON value equality, numbers compared by value (1 = 1.0), types otherwise strict (1 ≠ "1"). */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    /** How many leaves a delta has: the fields the device has yet to report. */
    static int leaves(JsonNode node) {
        if (!node.isObject()) {
            return 1;
        }
        int count = 0;
        for (JsonNode child : node) {
            count += leaves(child);
        }
        return count;
    }

    /** The desired-side metadata of the delta's keys, in the delta's shape. */
    static @Nullable ObjectNode deltaMetadata(@Nullable ObjectNode delta, @Nullable ObjectNode desiredMetadata) {
        if (delta == null || desiredMetadata == null) {
            return null;
        }
        ObjectNode metadata = JSON.createObjectNode();
        List<String> keys = new ArrayList<>();
        delta.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            JsonNode meta = desiredMetadata.get(key);
            if (delta.get(key).isObject() && meta instanceof ObjectNode inner) {
                ObjectNode nested = deltaMetadata((ObjectNode) delta.get(key), inner);
                if (nested != null) {
                    metadata.set(key, nested);
                }
            } else if (meta != null) {
                metadata.set(key, meta.deepCopy());
            }
        }
        return metadata;
    }

    /**
     * The bytes the 8 KB limit counts: the resulting desired and reported sections in UTF-8, as the shadow stores and
     * returns them (compact, no whitespace). Metadata, version, timestamps and clientToken do not count (AWS: "Only
     * the data for desired and reported state ... counts toward the limit"); neither do the request's whitespace or
     * escapes, and what is already stored does, since an update merges into it.
     */
    static int stateBytes(@Nullable ObjectNode desired, @Nullable ObjectNode reported) {
        return size(desired) + size(reported);
    }

    private static int size(@Nullable ObjectNode section) {
        return section == null ? 0 : section.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static @Nullable ObjectNode emptyToNull(@Nullable ObjectNode node) {
        return node == null || node.isEmpty() ? null : node;
    }
}
