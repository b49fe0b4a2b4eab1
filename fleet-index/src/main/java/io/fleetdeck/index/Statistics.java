package io.fleetdeck.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * GetStatistics's answer (AWS-IOT-BEHAVIOUR §3.4): for a number field count, average, sum, minimum, maximum,
 * sumOfSquares, population variance and standard deviation; for a boolean field the same over 1 and 0 (so the average
 * is the fraction true); for a string field only the count of things that have it. {@code count} alone is set when
 * nothing numeric was found.
 */
public record Statistics(
        long count,
        Double average,
        Double sum,
        Double minimum,
        Double maximum,
        Double sumOfSquares,
        Double variance,
        Double stdDeviation) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Statistics of(FieldValues values) {
        if (values.numbers().length > 0) {
            return over(values.numbers());
        }
        if (values.booleans().length > 0) {
            return over(values.booleans());
        }
        return new Statistics(values.thingsWithStrings(), null, null, null, null, null, null, null);
    }

    private static Statistics over(double[] values) {
        double sum = 0;
        double sumOfSquares = 0;
        double minimum = Double.POSITIVE_INFINITY;
        double maximum = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            sum += value;
            sumOfSquares += value * value;
            minimum = Math.min(minimum, value);
            maximum = Math.max(maximum, value);
        }
        double average = sum / values.length;
        // population variance, as AWS reports it; never below 0 from rounding
        double variance = Math.max(0, sumOfSquares / values.length - average * average);
        return new Statistics(
                values.length, average, sum, minimum, maximum, sumOfSquares, variance, Math.sqrt(variance));
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

    private static void putIfPresent(ObjectNode node, String name, Double value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
