package io.fleetdeck.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.util.UnicodeUtil;
import org.jspecify.annotations.Nullable;

/**
 * A thing as the fleet index sees it: its name and its flattened fields, each a path such as {@code
 * attributes.model} or {@code shadow.reported.stats.battery} with one or more values. A value is a
 * {@code String}, a {@code Long} or {@code Double}, or a {@code Boolean} (AWS-IOT-BEHAVIOUR §3.2).
 *
 * <p>Immutable; build one with {@link #builder(String)}. The builder puts the thing's name under the
 * {@code thingName} path itself. Numbers are normalized by {@link NumberRule} (integers outside ±2^53 and
 * non-finite doubles become their text), nulls are dropped, and unpaired surrogates become U+FFFD.
 * Paths longer than 1000 UTF-8 bytes are dropped: no query could name them (§3.6).
 */
public final class FleetDocument {

    public static final String THING_NAME = "thingName";

    private final String thingName;
    private final Map<String, List<Object>> fields;
    private final Map<String, String> attributes;

    private FleetDocument(String thingName, Map<String, List<Object>> fields, Map<String, String> attributes) {
        this.thingName = thingName;
        this.fields = fields;
        this.attributes = attributes;
    }

    public static Builder builder(String thingName) {
        return new Builder(thingName);
    }

    /**
     * The flattened paths of a JSON document under {@code prefix} (§3.2): {@code flatten("shadow.reported",
     * {"stats":{"battery":80}})} gives {@code shadow.reported.stats.battery → [80]}. A literal key {@code
     * "a.b"} and nested {@code a → b} give the same path, and their values are merged.
     */
    public static Map<String, List<Object>> flatten(String prefix, JsonNode json) {
        var flat = new LinkedHashMap<String, List<Object>>();
        Flattening.flatten(
                prefix,
                json,
                (path, value) ->
                        flat.computeIfAbsent(path, p -> new ArrayList<>()).add(value));
        return flat;
    }

    /**
     * When the broker last heard from the thing (its connect or a message), in epoch milliseconds, a few seconds late
     * at most: ours, beside AWS's {@code connectivity.*} fields, and searchable like them.
     */
    public static final String LAST_SEEN = "connectivity.lastSeen";

    /**
     * A registry attribute value as it is indexed: registry attributes are strings, and those that parse
     * as numbers are indexed as numbers (§3.2), so {@code "75"} gives {@code 75L} and {@code "v2"} stays.
     */
    public static Object attributeValue(String raw) {
        return NumberRule.parse(raw).<Object>map(n -> n).orElse(raw);
    }

    public String thingName() {
        return thingName;
    }

    /** Every path with its values, in the order they were added; unmodifiable. */
    public Map<String, List<Object>> fields() {
        return fields;
    }

    /**
     * The registry attributes as registered, text for text: {@code attributes.<name>} holds {@code "1.10"} as the
     * number 1.1, which a console showing a firmware version must not.
     */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** The values at {@code path}, empty when the thing has none. */
    public List<Object> values(String path) {
        return fields.getOrDefault(path, List.of());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FleetDocument that
                && thingName.equals(that.thingName)
                && fields.equals(that.fields)
                && attributes.equals(that.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(thingName, fields, attributes);
    }

    @Override
    public String toString() {
        return "FleetDocument[" + thingName + ", " + fields + "]";
    }

    /** Collects a thing's fields; not thread-safe, one builder per thing. */
    public static final class Builder {

        private final String thingName;
        private final Map<String, List<Object>> fields = new LinkedHashMap<>();
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(String thingName) {
            if (thingName == null || thingName.isEmpty()) {
                throw new IllegalArgumentException("a thing needs a name");
            }
            this.thingName = Tokens.wellFormed(thingName);
            put(THING_NAME, this.thingName);
        }

        /**
         * Adds one value ({@code String}, {@code Number} or {@code Boolean}) at {@code path}; {@code null}
         * is ignored. {@code thingName} is already set from the builder's name and can't be changed.
         */
        public Builder add(String path, @Nullable Object value) {
            Objects.requireNonNull(path, "path");
            if (value == null) {
                return this;
            }
            if (path.equals(THING_NAME)) {
                if (!thingName.equals(value)) {
                    throw new IllegalArgumentException("thingName is " + thingName + ", not " + value);
                }
                return this;
            }
            put(Tokens.wellFormed(path), normalized(value));
            return this;
        }

        /** Adds several values at one path (a multi-valued field such as {@code thingGroupNames}). */
        public Builder addAll(String path, Iterable<?> values) {
            for (var value : values) {
                add(path, value);
            }
            return this;
        }

        /**
         * The thing's groups: all of them under {@code thingGroupNames} (§3.2), the static ones also under
         * {@link DocumentEncoding#STATIC_GROUPS}, where dynamic groups' queries and bare terms look.
         */
        public Builder groups(Collection<String> staticGroups, Collection<String> dynamicGroups) {
            addAll("thingGroupNames", staticGroups);
            addAll("thingGroupNames", dynamicGroups);
            return addAll(DocumentEncoding.STATIC_GROUPS, staticGroups);
        }

        /** Static groups only: {@link #groups}. */
        public Builder staticGroups(String... groups) {
            return groups(List.of(groups), List.of());
        }

        /** Adds registry attribute {@code name} under {@code attributes.<name>} by {@link #attributeValue}. */
        public Builder attribute(String name, String value) {
            if (value == null) {
                return this;
            }
            attributes.put(name, value);
            return add("attributes." + name, attributeValue(value));
        }

        /**
         * The fields of {@code written} that {@code keep} accepts, and its attributes as registered: the start of a
         * document that replaces some of them.
         */
        public Builder copyOf(FleetDocument written, java.util.function.Predicate<String> keep) {
            written.fields().forEach((path, values) -> {
                if (keep.test(path)) {
                    addAll(path, values);
                }
            });
            attributes.putAll(written.attributes());
            return this;
        }

        /** Attributes as registered, beside fields already added (a document read back from the index). */
        Builder attributesAsRegistered(Map<String, String> registered) {
            attributes.putAll(registered);
            return this;
        }

        /** Adds the flattened paths of {@code json} under {@code prefix}, see {@link #flatten}. */
        public Builder json(String prefix, JsonNode json) {
            Flattening.flatten(prefix, json, this::add);
            return this;
        }

        public FleetDocument build() {
            var copy = new LinkedHashMap<String, List<Object>>();
            fields.forEach((path, values) -> copy.put(path, List.copyOf(values)));
            return new FleetDocument(
                    thingName,
                    Collections.unmodifiableMap(copy),
                    Collections.unmodifiableMap(new LinkedHashMap<>(attributes)));
        }

        private void put(String path, Object value) {
            if (path.isEmpty()
                    || UnicodeUtil.calcUTF16toUTF8Length(path, 0, path.length()) > FieldPaths.MAX_PATH_BYTES) {
                return;
            }
            fields.computeIfAbsent(path, p -> new ArrayList<>()).add(value);
        }

        private static Object normalized(Object value) {
            return switch (value) {
                case String text -> Tokens.wellFormed(text);
                case Boolean bool -> bool;
                case Number number -> NumberRule.of(number).<Object>map(n -> n).orElseGet(number::toString);
                default ->
                    throw new IllegalArgumentException("an indexed value is a String, Number or Boolean, not "
                            + value.getClass().getName());
            };
        }
    }
}
