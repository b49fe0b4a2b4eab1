package io.fleetdeck.sim;

import java.time.Clock;
import java.time.Instant;

/**
 * One device's battery as the device measures it: the level follows its {@link BatteryModel} on the device's clock,
 * and a measurement is what the device then sends everywhere, to its telemetry and its shadow alike, to a tenth of a
 * percent. Owned by one device; read on the fleet's scheduler thread only.
 */
final class Battery {

    private final BatteryModel model;
    private final Clock clock;
    private double level;
    private Instant at;

    Battery(BatteryModel model, Clock clock, double level) {
        this.model = model;
        this.clock = clock;
        this.level = level;
        this.at = clock.instant();
    }

    /** Takes up the level the device last measured, as a restarted device reads it back, from now on. */
    void resume(double measured) {
        level = Math.clamp(measured, 0, BatteryModel.FULL);
        at = clock.instant();
    }

    /** The level now, to a tenth of a percent. */
    double measure() {
        Instant now = clock.instant();
        level = model.levelAt(level, at, now, clock.getZone());
        at = now;
        return Math.round(level * 10) / 10.0;
    }
}
