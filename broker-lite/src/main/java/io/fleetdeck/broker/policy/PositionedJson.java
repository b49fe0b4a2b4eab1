package io.fleetdeck.broker.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.fleetdeck.broker.json.StrictJson;
import io.fleetdeck.broker.json.StrictJsonException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * JSON read into a small tree that remembers where each value started, so a rule broken deep inside a document is
 * reported at its line and column. A tree node's value is a {@code Map<String, PositionedJson>}, a
 * {@code List<PositionedJson>}, a String, a Boolean, a Number or null.
 */
record PositionedJson(@Nullable Object value, int line, int column) {

    /** The value of an item {@code stringOrStrings} gave: always a string. */
    String text() {
        if (value instanceof String text) {
            return text;
        }
        throw new IllegalStateException("not a string at line " + line + ", column " + column);
    }

    /** The same strict reading as every other JSON a device or operator sends ({@link StrictJson}). */
    static PositionedJson read(String text) throws PolicyDocumentException {
        try {
            // StrictJson refuses an empty document itself, so the reader's null never comes back
            return Objects.requireNonNull(StrictJson.<@Nullable PositionedJson>read(text, parser -> {
                if (parser.nextToken() == null) {
                    return null;
                }
                return readValue(parser);
            }));
        } catch (StrictJsonException e) {
            throw new PolicyDocumentException(
                    e.line(),
                    e.column(),
                    e.rule() == StrictJsonException.Rule.EMPTY ? e.reason() : "not valid JSON: " + e.reason());
        }
    }

    private static PositionedJson readValue(JsonParser parser) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        int line = start.getLineNr();
        int column = start.getColumnNr();
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, PositionedJson> members = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    members.put(name, readValue(parser)); // StrictJson refuses a key given twice
                }
                yield new PositionedJson(members, line, column);
            }
            case START_ARRAY -> {
                List<PositionedJson> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser));
                }
                yield new PositionedJson(items, line, column);
            }
            case VALUE_STRING -> new PositionedJson(parser.getText(), line, column);
            case VALUE_TRUE, VALUE_FALSE -> new PositionedJson(parser.getBooleanValue(), line, column);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new PositionedJson(parser.getNumberValue(), line, column);
            case VALUE_NULL -> new PositionedJson(null, line, column);
            default -> throw new IllegalStateException("a value cannot start with " + parser.currentToken());
        };
    }

    PolicyDocumentException error(String reason) {
        return new PolicyDocumentException(line, column, reason);
    }

    @SuppressWarnings("unchecked")
    Map<String, PositionedJson> object(String what) throws PolicyDocumentException {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, PositionedJson>) map;
        }
        throw error(what + " must be a JSON object");
    }

    String string(String what) throws PolicyDocumentException {
        if (value instanceof String text) {
            return text;
        }
        throw error(what + " must be a string");
    }

    /** A string or an array of strings, as Action, Resource and condition values may be; never empty. */
    @SuppressWarnings("unchecked")
    List<PositionedJson> stringOrStrings(String what) throws PolicyDocumentException {
        List<PositionedJson> items = value instanceof List<?> list ? (List<PositionedJson>) list : List.of(this);
        if (items.isEmpty()) {
            throw error(what + " must not be empty");
        }
        for (PositionedJson item : items) {
            if (!(item.value() instanceof String)) {
                throw item.error(what + " must be a string or an array of strings");
            }
        }
        return items;
    }

    /** An object or an array of objects, as Statement may be. */
    @SuppressWarnings("unchecked")
    List<PositionedJson> objectOrObjects(String what) throws PolicyDocumentException {
        List<PositionedJson> items = value instanceof List<?> list ? (List<PositionedJson>) list : List.of(this);
        if (items.isEmpty()) {
            throw error(what + " must not be empty");
        }
        for (PositionedJson item : items) {
            item.object(what);
        }
        return items;
    }
}
