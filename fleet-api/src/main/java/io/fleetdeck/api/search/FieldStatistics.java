package io.fleetdeck.api.search;

import org.jspecify.annotations.Nullable;

/**
 * GetStatistics's answer (AWS-IOT-BEHAVIOUR §3.4): for a number field count, average, sum, minimum, maximum,
 * sumOfSquares, population variance and standard deviation; for a boolean field the same over 1 and 0; for a string
 * field only the count of things that have it.
 */
public record FieldStatistics(
        long count,
        @Nullable Double average,
        @Nullable Double sum,
        @Nullable Double minimum,
        @Nullable Double maximum,
        @Nullable Double sumOfSquares,
        @Nullable Double variance,
        @Nullable Double stdDeviation) {}
