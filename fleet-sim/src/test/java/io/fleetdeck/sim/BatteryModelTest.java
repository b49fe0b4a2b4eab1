package io.fleetdeck.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Batteries as the demo site's devices see them, over hours and days of a clock the test moves. */
class BatteryModelTest {

    private static final Instant MIDNIGHT = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void aBatteryWithoutAChargerDrainsSteadily() {
        BatteryModel pump = BatteryModel.draining(0.5);

        assertThat(pump.levelAt(80, MIDNIGHT, MIDNIGHT.plus(Duration.ofHours(10)), ZoneOffset.UTC))
                .isCloseTo(75, within(0.001));
        assertThat(pump.levelAt(80, MIDNIGHT, MIDNIGHT, ZoneOffset.UTC)).isEqualTo(80);
    }

    @Test
    void aSolarBatteryChargesByDayAndDrainsAtNight() {
        BatteryModel gateway = BatteryModel.solar(1, 4);

        double morning = 50;
        double evening = gateway.levelAt(morning, at("06:00"), at("18:00"), ZoneOffset.UTC);
        // the sun's curve over 12 hours gives 12 * 2/pi of its peak: about 30.6 %, less 12 % drawn
        assertThat(evening).isCloseTo(50 + 4 * 12 * 2 / Math.PI - 12, within(0.05));
        double nextMorning =
                gateway.levelAt(evening, at("18:00"), at("18:00").plus(Duration.ofHours(12)), ZoneOffset.UTC);
        assertThat(nextMorning).isCloseTo(evening - 12, within(0.001));
    }

    @Test
    void theSunFollowsTheSitesTimeZone() {
        BatteryModel gateway = BatteryModel.solar(0, 4);
        ZoneOffset farEast = ZoneOffset.ofHours(12);

        assertThat(gateway.levelAt(50, at("11:00"), at("13:00"), ZoneOffset.UTC))
                .isGreaterThan(57);
        assertThat(gateway.levelAt(50, at("11:00"), at("13:00"), farEast))
                .as("noon in UTC is midnight twelve hours east")
                .isEqualTo(50);
    }

    @Test
    void aFullBatteryStaysFullInTheSun() {
        BatteryModel gateway = BatteryModel.solar(1, 10);

        assertThat(gateway.levelAt(99, at("10:00"), at("14:00"), ZoneOffset.UTC))
                .isEqualTo(BatteryModel.FULL);
    }

    @Test
    void aFlatBatteryIsSwappedForAFreshOne() {
        BatteryModel meter = BatteryModel.draining(1);

        double level = meter.levelAt(6, MIDNIGHT, MIDNIGHT.plus(Duration.ofHours(2)), ZoneOffset.UTC);

        assertThat(level).isGreaterThan(98).isLessThanOrEqualTo(BatteryModel.FULL);
    }

    @Test
    void aMeasurementIsOneReadingToATenthOfAPercentThatGoesOnFromWhereTheDeviceLeftOff() {
        SettableClock clock = new SettableClock("2026-12-07T00:00:00Z");
        Battery battery = new Battery(BatteryModel.draining(0.6), clock, 100);

        clock.advance(Duration.ofMinutes(30));
        assertThat(battery.measure()).isEqualTo(99.7);
        clock.advance(Duration.ofMinutes(10));
        assertThat(battery.measure()).isEqualTo(99.6);

        battery.resume(42.5);
        assertThat(battery.measure())
                .as("a restarted device takes up what it measured last")
                .isEqualTo(42.5);
        clock.advance(Duration.ofHours(5));
        assertThat(battery.measure()).isEqualTo(39.5);
    }

    @Test
    void aBatteryCannotDrainBackwards() {
        assertThatThrownBy(() -> BatteryModel.draining(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 %/h or more");
    }

    private static Instant at(String time) {
        return Instant.parse("2026-12-07T" + time + ":00Z");
    }
}
