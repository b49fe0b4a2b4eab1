package io.fleetdeck.index;

import java.util.Objects;
import java.util.Set;

/**
 * A searchable field of the fleet index, by the path a query names it with ({@code attributes.firmwareVersion}), and
 * the types its values have. A registry attribute may hold a number in one thing and a word in another (§3.2 detects
 * the type per value), so a path can have more than one type.
 */
public record IndexedField(String path, Set<ValueType> types) {

    /** The types of values AWS Fleet Indexing knows (AWS-IOT-BEHAVIOUR §3.2). */
    public enum ValueType {
        STRING,
        NUMBER,
        BOOLEAN
    }

    public IndexedField {
        Objects.requireNonNull(path, "path");
        types = Set.copyOf(types);
        if (types.isEmpty()) {
            throw new IllegalArgumentException(path + " has no type");
        }
    }

    public boolean has(ValueType type) {
        return types.contains(type);
    }
}
