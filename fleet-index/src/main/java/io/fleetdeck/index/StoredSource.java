package io.fleetdeck.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.util.BytesRef;

/**
 * A thing's document kept in the index itself (a stored field, compressed by Lucene), so that a shadow commit or a
 * connectivity change can be written by patching it instead of reading the thing back from the store. JSON: {@code
 * {"path":[values]}}, the values strings, numbers or booleans as the document holds them.
 */
final class StoredSource {

    static final String FIELD = "#source";
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredSource() {}

    static BytesRef encode(FleetDocument document) {
        ObjectNode fields = JSON.createObjectNode();
        for (Map.Entry<String, List<Object>> field : document.fields().entrySet()) {
            ArrayNode values = fields.putArray(field.getKey());
            field.getValue().forEach(value -> values.add(JSON.valueToTree(value)));
        }
        try {
            return new BytesRef(JSON.writeValueAsBytes(fields));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a thing's document could not be kept in the index", e);
        }
    }

    /** The document as written; empty when the bytes are not one (an index written before sources were kept). */
    static Optional<FleetDocument> decode(String thingName, BytesRef bytes) {
        JsonNode fields;
        try {
            fields = JSON.readTree(bytes.bytes, bytes.offset, bytes.length);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        if (!fields.isObject()) {
            return Optional.empty();
        }
        FleetDocument.Builder document = FleetDocument.builder(thingName);
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            for (JsonNode value : field.getValue()) {
                document.add(field.getKey(), valueOf(value));
            }
        }
        return Optional.of(document.build());
    }

    private static Object valueOf(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        return value.asText();
    }
}
