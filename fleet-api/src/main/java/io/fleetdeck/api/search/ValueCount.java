package io.fleetdeck.api.search;

/** A value of a field and how many things have it: a bucket of GetBucketsAggregation, a completion's weight. */
public record ValueCount(String value, long count) {}
