package io.fleetdeck.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * How a device's battery moves while it runs: it drains at a steady {@code drainPerHour} (percent), and a solar one
 * also charges by day, up to {@code solarPeakPerHour} at noon, following the sun from 06:00 to 18:00 in the site's
 * time zone. A battery that runs down to {@link #FLAT} is swapped for a fresh one, as a technician on a round would.
 * A pure function of the time, so tests drive it with instants instead of waiting.
 */
public record BatteryModel(double drainPerHour, double solarPeakPerHour) {

    /** Where a technician swaps the battery: below this a device would soon drop off the network. */
    public static final double FLAT = 5;

    public static final double FULL = 100;

    /* charge and drain are summed minute by minute, short enough to follow the sun's curve */
    private static final Duration STEP = Duration.ofMinutes(1);

    public BatteryModel {
        if (drainPerHour < 0 || solarPeakPerHour < 0) {
            throw new IllegalArgumentException("a battery drains and charges at 0 %/h or more");
        }
    }

    /** A battery with no charger: it only drains. */
    public static BatteryModel draining(double percentPerHour) {
        return new BatteryModel(percentPerHour, 0);
    }

    /** A battery with a solar panel: drains all day, charges by day. */
    public static BatteryModel solar(double drainPerHour, double peakChargePerHour) {
        return new BatteryModel(drainPerHour, peakChargePerHour);
    }

    /** The level at {@code to} of a battery that was at {@code level} at {@code from}; the same level when not later. */
    public double levelAt(double level, Instant from, Instant to, ZoneId zone) {
        double now = level;
        Instant at = from;
        while (at.isBefore(to)) {
            Instant next = at.plus(STEP).isBefore(to) ? at.plus(STEP) : to;
            double hours = Duration.between(at, next).toNanos() / 3.6e12;
            now = Math.min(FULL, now + (sunAt(at, zone) * solarPeakPerHour - drainPerHour) * hours);
            if (now <= FLAT && solarPeakPerHour == 0) {
                now = FULL;
            }
            now = Math.max(0, now);
            at = next;
        }
        return now;
    }

    /** How strong the sun is, 0 at night to 1 at noon. */
    private static double sunAt(Instant at, ZoneId zone) {
        LocalTime time = LocalTime.ofInstant(at, zone);
        double hour = time.toSecondOfDay() / 3600.0;
        return hour <= 6 || hour >= 18 ? 0 : Math.sin(Math.PI * (hour - 6) / 12);
    }
}
