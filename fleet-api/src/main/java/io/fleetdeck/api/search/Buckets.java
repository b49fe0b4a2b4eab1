package io.fleetdeck.api.search;

import java.util.List;

/** GetBucketsAggregation's answer: the most common values first, and how many things matched the query. */
public record Buckets(long totalCount, List<ValueCount> buckets) {

    public Buckets {
        buckets = List.copyOf(buckets);
    }
}
