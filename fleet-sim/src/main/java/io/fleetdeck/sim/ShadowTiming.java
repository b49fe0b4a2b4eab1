package io.fleetdeck.sim;

import java.time.Duration;

/**
 * How simulated devices keep their shadows: how long one takes to act on a desired-state change before it reports
 * it, and how often it reports its changing readings (battery, uptime) without being asked.
 */
public record ShadowTiming(Duration actDelay, Duration reportEvery) {

    /** A device that acts in two seconds and reports every minute: lively enough for the demo fleet. */
    public static final ShadowTiming DEMO = new ShadowTiming(Duration.ofSeconds(2), Duration.ofMinutes(1));

    public ShadowTiming {
        if (actDelay.isNegative() || reportEvery.isNegative() || reportEvery.isZero()) {
            throw new IllegalArgumentException("a device acts after 0 s or more and reports at a positive interval");
        }
    }
}
