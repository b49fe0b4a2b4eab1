package io.fleetdeck.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BiConsumer;

/**
 * Turns a JSON document (a shadow section) into flat field paths, as AWS-IOT-BEHAVIOUR §3.2 says: nested
 * keys joined by {@code .}, arrays of simple values give several values, arrays holding objects or
 * arrays are not indexed at all, {@code null} is not indexed.
 */
final class Flattening {

    private Flattening() {}

    static void flatten(String path, JsonNode node, BiConsumer<String, Object> sink) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), sink);
            }
        } else if (node.isArray()) {
            for (var element : node) {
                if (element.isContainerNode()) {
                    return; // §3.2: an array containing objects is not indexed, not even its simple elements
                }
            }
            for (var element : node) {
                addSimple(path, element, sink);
            }
        } else {
            addSimple(path, node, sink);
        }
    }

    private static void addSimple(String path, JsonNode node, BiConsumer<String, Object> sink) {
        if (path.isEmpty()) {
            return;
        }
        if (node.isTextual()) {
            sink.accept(path, node.textValue());
        } else if (node.isBoolean()) {
            sink.accept(path, node.booleanValue());
        } else if (node.isNumber()) {
            sink.accept(
                    path, NumberRule.of(node.numberValue()).<Object>map(n -> n).orElseGet(node::asText));
        }
        // null, missing, binary and POJO nodes are not indexed
    }
}
