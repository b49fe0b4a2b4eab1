package io.fleetdeck.views.broker;

/** Messages per second in and out over one sampling interval, {@code secondsAgo} seconds before the latest. */
public record RatePoint(double secondsAgo, double inPerSecond, double outPerSecond) {}
