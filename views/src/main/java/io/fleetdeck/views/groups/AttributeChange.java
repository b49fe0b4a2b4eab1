package io.fleetdeck.views.groups;

import io.fleetdeck.views.common.Texts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One change to a group's own attributes as the property sheet asks for it: the attributes the group gets after it
 * (UpdateThingGroup replaces them all) and what to say when it went through, or why it is refused before the
 * registry is asked. Names and values are stripped; AWS's characters and its limit of 50 are the registry's to check,
 * and its refusal is shown in its words. Immutable.
 *
 * @param refusal why the change is not sent, or null
 */
record AttributeChange(
        Map<String, String> attributes,
        String success,
        @Nullable String refusal) {

    AttributeChange {
        attributes = Map.copyOf(attributes);
    }

    /** {@code name} takes {@code value}; an empty value removes it, as AWS's UpdateThingGroup does. */
    static AttributeChange set(String group, Map<String, String> own, String name, String value) {
        String wanted = strip(value);
        if (wanted.isEmpty()) {
            return remove(group, own, name);
        }
        Map<String, String> next = new LinkedHashMap<>(own);
        next.put(name, wanted);
        return new AttributeChange(next, Texts.get("groups.attributeSet", name, group, wanted), null);
    }

    /** A new attribute: it needs a name and a value, and a name the group does not have yet. */
    static AttributeChange add(String group, Map<String, String> own, String name, String value) {
        String key = strip(name);
        String wanted = strip(value);
        if (key.isEmpty()) {
            return refused(own, Texts.get("groups.attributeWithoutName", wanted));
        }
        if (own.containsKey(key)) {
            return refused(own, Texts.get("groups.attributeTwice", key));
        }
        if (wanted.isEmpty()) {
            return refused(own, Texts.get("groups.attributeWithoutValue", key));
        }
        Map<String, String> next = new LinkedHashMap<>(own);
        next.put(key, wanted);
        return new AttributeChange(next, Texts.get("groups.attributeAdded", key, group, wanted), null);
    }

    static AttributeChange remove(String group, Map<String, String> own, String name) {
        Map<String, String> next = new LinkedHashMap<>(own);
        next.remove(name);
        return new AttributeChange(next, Texts.get("groups.attributeRemoved", name, group), null);
    }

    private static AttributeChange refused(Map<String, String> own, String why) {
        return new AttributeChange(own, "", why);
    }

    private static String strip(@Nullable String text) {
        return text == null ? "" : text.strip();
    }
}
