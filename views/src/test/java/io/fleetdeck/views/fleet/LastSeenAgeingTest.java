package io.fleetdeck.views.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.api.things.ThingOverview;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Fleet table's last-seen column counts seconds while a device is fresh, and minutes at a coarser pace after. */
class LastSeenAgeingTest {

    private static final Instant T0 = Instant.parse("2026-12-07T19:00:00Z");

    private final MovingClock clock = new MovingClock();
    private final FleetViewModel model = new FleetViewModel((query, number) -> {}, clock);

    @Test
    void theLastSeenTextTicksEverySecondUnderAMinuteAndEveryThirtySecondsBeyond() {
        ThingOverview pump = new ThingOverview("pump-7", null, List.of(), true, T0.minusSeconds(2), 3, 0, null);
        model.apply(FleetUpdate.whole(List.of(pump), 1, 0));
        assertThat(ThingText.lastSeen(pump, model.now())).isEqualTo("2 s ago");

        clock.advance(Duration.ofSeconds(1));
        model.tick();
        assertThat(ThingText.lastSeen(pump, model.now())).isEqualTo("3 s ago");

        clock.advance(Duration.ofMinutes(2));
        model.tick();
        assertThat(ThingText.lastSeen(pump, model.now())).isEqualTo("2 min ago");
        Instant drawn = model.now();

        clock.advance(Duration.ofSeconds(1));
        model.tick();
        assertThat(model.now())
                .as("a stale fleet is not written again every second")
                .isEqualTo(drawn);

        ThingOverview heardAgain = new ThingOverview(
                "pump-7", null, List.of(), true, clock.instant().minusSeconds(1), 3, 0, null);
        model.apply(FleetUpdate.patch(List.of(FleetUpdate.RowChange.set(0, heardAgain)), 1, 0));
        clock.advance(Duration.ofSeconds(1));
        model.tick();
        assertThat(ThingText.lastSeen(heardAgain, model.now()))
                .as("a row that was heard from again counts seconds again")
                .isEqualTo("2 s ago");
    }

    /** A clock the test moves by hand. */
    private static final class MovingClock extends Clock {
        private Instant now = T0;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
