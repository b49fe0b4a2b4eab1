package io.fleetdeck.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The aggregation APIs of AWS-IOT-BEHAVIOUR §3.4 over the fleet index: GetStatistics, GetCardinality, GetPercentiles
 * and GetBucketsAggregation, for the things a query matches. Exact where AWS is approximate (cardinality,
 * percentiles): the values are read from doc values, which is cheap enough for the fleets this console serves.
 */
public final class Aggregations {

    /** AWS's default percents for GetPercentiles. */
    public static final List<Double> DEFAULT_PERCENTS = List.of(1.0, 5.0, 25.0, 50.0, 75.0, 95.0, 99.0);

    private final FleetIndex index;

    public Aggregations(FleetIndex index) {
        this.index = index;
    }

    /** One bucket of GetBucketsAggregation: a value and how many matching things have it. */
    public record Bucket(String keyValue, long count) {}

    /** One answer of GetPercentiles. */
    public record Percentile(double percent, double value) {}

    public Statistics statistics(FleetQuery query, String field) {
        return index.withSearcher(searcher -> searcher.search(query.toLucene(), StatisticsGatherer.over(field)));
    }

    /** Distinct values of the field among the matching things (0 when nothing matches). */
    public long cardinality(FleetQuery query, String field) {
        FieldValues values = values(query, field);
        Set<Double> distinctNumbers = new HashSet<>();
        for (double number : values.numbers()) {
            distinctNumbers.add(number);
        }
        Set<Double> distinctBooleans = new HashSet<>();
        for (double bool : values.booleans()) {
            distinctBooleans.add(bool);
        }
        return values.stringCounts().size() + distinctNumbers.size() + distinctBooleans.size();
    }

    /** Nearest-rank percentiles of a number field; empty when no matching thing has a number there. */
    public List<Percentile> percentiles(FleetQuery query, String field, List<Double> percents) {
        double[] numbers = values(query, field).numbers();
        if (numbers.length == 0) {
            return List.of();
        }
        Arrays.sort(numbers);
        List<Percentile> answers = new ArrayList<>();
        for (double percent : percents) {
            int rank = (int) Math.ceil(percent / 100 * numbers.length);
            answers.add(new Percentile(percent, numbers[Math.clamp(rank - 1, 0, numbers.length - 1)]));
        }
        return answers;
    }

    /**
     * The field's string values ranked by how many matching things have them (ties by value), at most
     * {@code maxBuckets}; {@code totalCount} is the number of matching things.
     */
    public Buckets buckets(FleetQuery query, String field, int maxBuckets) {
        FieldValues values = values(query, field);
        List<Bucket> ranked = values.stringCounts().entrySet().stream()
                .map(entry -> new Bucket(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong(Bucket::count).reversed().thenComparing(Bucket::keyValue))
                .limit(maxBuckets)
                .toList();
        return new Buckets(values.things(), ranked);
    }

    /** GetBucketsAggregation's answer. */
    public record Buckets(long totalCount, List<Bucket> buckets) {}

    private FieldValues values(FleetQuery query, String field) {
        return index.withSearcher(searcher -> FieldValues.of(searcher, query.toLucene(), field));
    }
}
