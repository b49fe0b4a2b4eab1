package io.fleetdeck.views.thing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What changed between two versions of a shadow, leaf by leaf, in {@code desired} and {@code reported}. Arrays are
 * whole values, as the shadow service merges and compares them (AWS-IOT-BEHAVIOUR §1.4, §1.6): one changed element
 * is one changed array.
 */
final class ShadowDiff {

    private ShadowDiff() {}

    /** The changes from {@code older} to {@code newer} (documents with a {@code state}), sorted by path. */
    static List<FieldChange> between(JsonNode older, JsonNode newer) {
        Map<String, JsonNode> before = leaves(older);
        Map<String, JsonNode> after = leaves(newer);
        TreeMap<String, FieldChange> changes = new TreeMap<>();
        before.forEach((path, value) -> {
            JsonNode now = after.get(path);
            if (now == null) {
                changes.put(path, new FieldChange(FieldChange.Kind.REMOVED, path, value.toString(), null));
            } else if (!now.equals(value)) {
                changes.put(path, new FieldChange(FieldChange.Kind.CHANGED, path, value.toString(), now.toString()));
            }
        });
        after.forEach((path, value) -> {
            if (!before.containsKey(path)) {
                changes.put(path, new FieldChange(FieldChange.Kind.ADDED, path, null, value.toString()));
            }
        });
        return new ArrayList<>(changes.values());
    }

    /**
     * Every leaf of the document's desired and reported state by its path. An empty object is no leaf: the shadow
     * service treats {@code {}} and absent alike (AWS-IOT-BEHAVIOUR §1.4).
     */
    static Map<String, JsonNode> leaves(JsonNode document) {
        Map<String, JsonNode> leaves = new TreeMap<>();
        JsonNode state = document.path("state");
        for (String section : List.of("desired", "reported")) {
            JsonNode value = state.path(section);
            if (!value.isMissingNode() && !value.isNull()) {
                collect(section, value, leaves);
            }
        }
        return leaves;
    }

    private static void collect(String path, JsonNode value, Map<String, JsonNode> leaves) {
        if (!value.isObject()) {
            leaves.put(path, value);
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            collect(path + "." + field.getKey(), field.getValue(), leaves);
        }
    }
}
