package io.fleetdeck.index;

import io.fleetdeck.index.IndexedField.ValueType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.jspecify.annotations.Nullable;

/**
 * What a search box offers while the user types: the fields the index holds and the values they most often have. Read
 * from the index as it is, so attributes and shadow keys the fleet actually reports are offered, not a fixed list.
 * Stateless; each call reads one searcher.
 */
final class FieldCatalog {

    /**
     * The fields of AWS-IOT-BEHAVIOUR §3.2 that every fleet can be searched by, offered even before any thing has
     * them (an empty fleet, or no device connected yet).
     */
    static final Map<String, ValueType> FIXED = Map.of(
            "thingName",
            ValueType.STRING,
            "thingId",
            ValueType.STRING,
            "thingTypeName",
            ValueType.STRING,
            "thingGroupNames",
            ValueType.STRING,
            "shadow.hasDelta",
            ValueType.BOOLEAN,
            "connectivity.connected",
            ValueType.BOOLEAN,
            "connectivity.timestamp",
            ValueType.NUMBER,
            "connectivity.disconnectReason",
            ValueType.STRING,
            FleetDocument.LAST_SEEN,
            ValueType.NUMBER,
            "deviceDefender.violationCount",
            ValueType.NUMBER);

    private FieldCatalog() {}

    /** Every searchable field path in the index and the fixed ones, sorted by path. */
    static List<IndexedField> fields(IndexSearcher searcher) {
        Map<String, Set<ValueType>> types = new TreeMap<>();
        FIXED.forEach((path, type) -> types.computeIfAbsent(path, p -> EnumSet.noneOf(ValueType.class))
                .add(type));
        for (FieldInfo info : FieldInfos.getMergedFieldInfos(searcher.getIndexReader())) {
            String name = info.getName();
            ValueType type = typeOf(name);
            if (type == null) {
                continue;
            }
            String path = name.substring(2);
            // n: and b: also hold the doc values of fields nobody can search (§3.2's versions); # fields are ours
            if (FieldPaths.isSearchable(path) && !FieldPaths.isInternal(path)) {
                types.computeIfAbsent(path, p -> EnumSet.noneOf(ValueType.class))
                        .add(type);
            }
        }
        List<IndexedField> fields = new ArrayList<>(types.size());
        types.forEach((path, pathTypes) -> fields.add(new IndexedField(path, pathTypes)));
        return fields;
    }

    /** The searchable prefixes of {@link DocumentEncoding}; {@code k:} only mirrors {@code t:} for aggregations. */
    private static @Nullable ValueType typeOf(String luceneField) {
        if (luceneField.startsWith("t:")) {
            return ValueType.STRING;
        }
        if (luceneField.startsWith("n:")) {
            return ValueType.NUMBER;
        }
        if (luceneField.startsWith("b:")) {
            return ValueType.BOOLEAN;
        }
        return null;
    }

    /**
     * The values of a string or boolean field that start with {@code prefix} (case aside, as values match), with how
     * many things have each, most frequent first (ties by value), at most {@code limit}. Strings come whole and in
     * their own case ({@code P200}, {@code living room}), from the doc values the buckets aggregation reads. Empty
     * for a number field: there a user types a number or a range, not a word to pick.
     */
    static List<Aggregations.Bucket> topValues(IndexSearcher searcher, String path, String prefix, int limit)
            throws IOException {
        if (limit <= 0) {
            return List.of();
        }
        FieldValues values = FieldValues.of(searcher, new MatchAllDocsQuery(), path);
        String lowerPrefix = prefix.toLowerCase(Locale.ROOT);
        List<Aggregations.Bucket> found = new ArrayList<>();
        values.stringCounts().forEach((value, count) -> {
            if (value.toLowerCase(Locale.ROOT).startsWith(lowerPrefix)) {
                found.add(new Aggregations.Bucket(value, count));
            }
        });
        long trues = 0;
        for (double bool : values.booleans()) {
            trues += bool > 0 ? 1 : 0;
        }
        addBoolean(found, "true", trues, lowerPrefix);
        addBoolean(found, "false", values.booleans().length - trues, lowerPrefix);
        return found.stream()
                .sorted(Comparator.comparingLong(Aggregations.Bucket::count)
                        .reversed()
                        .thenComparing(Aggregations.Bucket::keyValue))
                .limit(limit)
                .toList();
    }

    private static void addBoolean(List<Aggregations.Bucket> found, String value, long count, String lowerPrefix) {
        if (count > 0 && value.startsWith(lowerPrefix)) {
            found.add(new Aggregations.Bucket(value, count));
        }
    }
}
