package io.fleetdeck.api.search;

import java.util.Set;

/** A field the fleet index knows ({@code attributes.model}, {@code shadow.reported.battery}) and its value types. */
public record IndexField(String path, Set<ValueType> types) {

    public IndexField {
        types = Set.copyOf(types);
    }

    public boolean has(ValueType type) {
        return types.contains(type);
    }

    public enum ValueType {
        STRING,
        NUMBER,
        BOOLEAN
    }
}
