package io.fleetdeck.fleet.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.broker.json.StrictJson;
import io.fleetdeck.broker.json.StrictJsonException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A checked {@code /update} request (AWS-IOT-BEHAVIOUR §1.3): {@code state} with {@code desired} and/or
 * {@code reported} (an object, or null to remove the section), an optional {@code version} for optimistic locking and
 * an optional {@code clientToken}; every rule of §1.9 with its exact message.
 *
 * @param desired the requested desired section; null when absent, {@link #REMOVE} when explicitly null
 */
record UpdateRequest(
        @Nullable ObjectNode desired,
        @Nullable ObjectNode reported,
        @Nullable Long version,
        @Nullable String clientToken) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Marks a section the request sets to null: the whole section goes. */
    static final ObjectNode REMOVE = JSON.createObjectNode();

    static final int MAX_DEPTH = 6;

    static UpdateRequest parse(byte[] payload) throws ShadowException {
        JsonNode body = readObject(payload);
        @Nullable String clientToken = clientToken(body);
        JsonNode state = body.get("state");
        if (state == null) {
            throw new ShadowException(400, "Missing required node: state");
        }
        if (!state.isObject()) {
            throw new ShadowException(400, "State node must be an object");
        }
        for (Iterator<String> names = state.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("desired") && !name.equals("reported")) {
                throw new ShadowException(400, "State contains an invalid node: '" + name + "'");
            }
        }
        ObjectNode desired = section(state, "desired", "Desired node must be an object");
        ObjectNode reported = section(state, "reported", "Reported node must be an object");
        return new UpdateRequest(desired, reported, version(body), clientToken);
    }

    /** The clientToken of a get or delete request, whose payload may be empty. */
    static @Nullable String clientTokenOf(byte[] payload) throws ShadowException {
        if (payload.length == 0) {
            return null;
        }
        return clientToken(readObject(payload));
    }

    static JsonNode readObject(byte[] payload) throws ShadowException {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(payload));
        } catch (CharacterCodingException e) {
            throw new ShadowException(415, "Unsupported documented encoding; supported encoding is UTF-8");
        }
        JsonNode body;
        try {
            body = StrictJson.read(payload, JSON::readTree);
        } catch (StrictJsonException e) {
            throw new ShadowException(400, invalidJson(e), where(e));
        }
        if (body == null || !body.isObject()) {
            throw new ShadowException(400, "Invalid JSON", "line 1, column 1: the document is not a JSON object");
        }
        return body;
    }

    /** The position for a person; with the reason too where AWS's bare "Invalid JSON" leaves it out. */
    private static String where(StrictJsonException e) {
        String position = "line " + e.line() + ", column " + e.column();
        return switch (e.rule()) {
            case SYNTAX, EMPTY -> position + ": " + e.reason();
            default -> position;
        };
    }

    /**
     * AWS's message (§1.9). Broken grammar gets it bare, as AWS answers; JSON that parses elsewhere but breaks a rule
     * (a duplicate key, trailing text, an infinite number, a lone surrogate) gets the reason after it, the way
     * Greengrass words its details, since a device's author could not guess it.
     */
    private static String invalidJson(StrictJsonException e) {
        return switch (e.rule()) {
            case SYNTAX, EMPTY -> "Invalid JSON";
            case TOO_DEEP -> "JSON contains too many levels of nesting; maximum is " + MAX_DEPTH;
            default -> "Invalid JSON: " + e.reason();
        };
    }

    private static @Nullable String clientToken(JsonNode body) throws ShadowException {
        JsonNode token = body.get("clientToken");
        if (token == null) {
            return null;
        }
        if (!token.isTextual() || token.asText().getBytes(StandardCharsets.UTF_8).length > 64) {
            throw new ShadowException(400, "Invalid clientToken");
        }
        return token.asText();
    }

    private static @Nullable Long version(JsonNode body) throws ShadowException {
        JsonNode version = body.get("version");
        if (version == null) {
            return null;
        }
        if (!version.isIntegralNumber() || version.asLong() < 0 || !version.canConvertToLong()) {
            throw new ShadowException(400, "Invalid version");
        }
        return version.asLong();
    }

    private static @Nullable ObjectNode section(JsonNode state, String name, String notAnObject)
            throws ShadowException {
        JsonNode section = state.get(name);
        if (section == null) {
            return null;
        }
        if (section.isNull()) {
            return REMOVE;
        }
        if (!section.isObject()) {
            throw new ShadowException(400, notAnObject);
        }
        checkNode(section, 1);
        return (ObjectNode) section;
    }

    /** Depth as AWS counts it (the section is 1, each nested object +1) and no nulls inside arrays. */
    private static void checkNode(JsonNode node, int depth) throws ShadowException {
        if (node.isObject()) {
            if (depth > MAX_DEPTH && !node.isEmpty()) {
                throw new ShadowException(400, "JSON contains too many levels of nesting; maximum is " + MAX_DEPTH);
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                checkNode(fields.next().getValue(), depth + 1);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (element.isNull()) {
                    throw new ShadowException(400, "Invalid JSON: arrays must not contain null");
                }
                checkNode(element, depth + 1);
            }
        }
    }
}
