package io.fleetdeck.api.search;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * SearchIndex: a query over {@code AWS_Things} (things, ordered by name unless {@code sortField} says otherwise, those
 * without the field last) or {@code AWS_ThingGroups} (groups by name).
 */
public record IndexSearch(
        String indexName, String queryString, @Nullable String sortField, boolean descending) {

    public static final String THINGS = "AWS_Things";
    public static final String THING_GROUPS = "AWS_ThingGroups";

    public IndexSearch {
        Objects.requireNonNull(indexName, "indexName");
        Objects.requireNonNull(queryString, "queryString");
    }

    public static IndexSearch things(String queryString) {
        return new IndexSearch(THINGS, queryString, null, false);
    }
}
