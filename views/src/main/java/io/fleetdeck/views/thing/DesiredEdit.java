package io.fleetdeck.views.thing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.views.common.Texts;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns the text of the desired-state editor into a shadow update request, or says where it is not valid JSON. The
 * editor holds the whole desired object, but an update merges (AWS-IOT-BEHAVIOUR §1.4): a key the user removed
 * would stay unless sent as {@code null}, so every removed key is.
 */
final class DesiredEdit {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Where the text stops being valid and why, in the words of a person reading the editor. */
    record Problem(int line, int column, String message) {

        @Override
        public String toString() {
            return line > 0 ? Texts.get("thing.edit.problemAt", line, column, message) : message;
        }
    }

    /** An update to send, or the problem that keeps it from being sent; exactly one of them is set. */
    record Result(@Nullable String request, @Nullable Problem problem) {

        boolean valid() {
            return problem == null;
        }
    }

    private DesiredEdit() {}

    /**
     * Checks {@code text} and makes the request {@code {"state":{"desired":…},"version":N}} from it.
     *
     * @param current the desired section the editor started from (null when there was none)
     * @param version the shadow version the editor started from; 0 (no shadow yet) sends no version
     */
    static Result of(String text, @Nullable JsonNode current, long version) {
        if (text == null || text.isBlank()) {
            return problem(new Problem(0, 0, Texts.get("thing.edit.enter")));
        }
        JsonNode edited;
        try {
            edited = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return problem(
                    new Problem(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), firstLine(e)));
        }
        if (!edited.isObject() && !edited.isNull()) {
            return problem(new Problem(1, 1, Texts.get("thing.edit.notObject")));
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        JsonNode body = edited.isObject() && current != null && current.isObject()
                ? withRemovals((ObjectNode) current, (ObjectNode) edited)
                : edited;
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.set("desired", body);
        request.set("state", state);
        if (version > 0) {
            request.put("version", version);
        }
        return new Result(request.toString(), null);
    }

    /** {@code edited} with a null for every key of {@code current} it no longer has, at any depth. */
    static ObjectNode withRemovals(ObjectNode current, ObjectNode edited) {
        ObjectNode request = edited.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> keys = current.properties().iterator();
        while (keys.hasNext()) {
            Map.Entry<String, JsonNode> entry = keys.next();
            JsonNode now = request.get(entry.getKey());
            if (now == null) {
                request.putNull(entry.getKey());
            } else if (now.isObject() && entry.getValue().isObject()) {
                request.set(entry.getKey(), withRemovals((ObjectNode) entry.getValue(), (ObjectNode) now));
            }
        }
        return request;
    }

    /** Parses the desired section of a state tree for {@link #of}; null when there is none. */
    static @Nullable JsonNode desiredOf(String prettyDesired) {
        try {
            return JSON.readTree(prettyDesired);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Result problem(Problem problem) {
        return new Result(null, problem);
    }

    /** Jackson's message without its source excerpt and without the location the problem already carries. */
    private static String firstLine(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }
}
