package io.fleetdeck.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * GetStatistics's answer (AWS-IOT-BEHAVIOUR §3.4): for a number field count, average, sum, minimum, maximum,
 * sumOfSquares, population variance and standard deviation; for a boolean field the same over 1 and 0 (so the average
 * is the fraction true); for a string field only the count of things that have it. {@code count} alone is set when
 * nothing numeric was found.
 */
public record Statistics(
        long count,
        @Nullable Double average,
        @Nullable Double sum,
        @Nullable Double minimum,
        @Nullable Double maximum,
        @Nullable Double sumOfSquares,
        @Nullable Double variance,
        @Nullable Double stdDeviation) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Statistics of(StatisticsGatherer.Sums values) {
        double average = values.sum / values.count;
        // population variance, as AWS reports it; never below 0 from rounding
        double variance = Math.max(0, values.sumOfSquares / values.count - average * average);
        return new Statistics(
                values.count,
                average,
                values.sum,
                values.minimum,
                values.maximum,
                values.sumOfSquares,
                variance,
                Math.sqrt(variance));
    }

    /** {@code {"statistics":{...}}}, AWS's response body, fields that have no value left out. */
    public ObjectNode toJson() {
        ObjectNode statistics = JSON.createObjectNode();
        statistics.put("count", count);
        putIfPresent(statistics, "average", average);
        putIfPresent(statistics, "sum", sum);
        putIfPresent(statistics, "minimum", minimum);
        putIfPresent(statistics, "maximum", maximum);
        putIfPresent(statistics, "sumOfSquares", sumOfSquares);
        putIfPresent(statistics, "variance", variance);
        putIfPresent(statistics, "stdDeviation", stdDeviation);
        ObjectNode response = JSON.createObjectNode();
        response.set("statistics", statistics);
        return response;
    }

    private static void putIfPresent(ObjectNode node, String name, @Nullable Double value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
