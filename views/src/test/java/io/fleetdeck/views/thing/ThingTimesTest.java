package io.fleetdeck.views.thing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.api.things.ThingDetail;
import io.fleetdeck.views.common.Notice;
import io.fleetdeck.views.common.ViewTasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A thing's tab keeps its times and its "Sent" notice true while the clock and the shadow move on. */
class ThingTimesTest {

    private final FakeInspector inspector = FakeInspector.coldStoreSensor();
    private final MovingClock clock = new MovingClock(FakeInspector.NOW);
    private final ThingViewModel model =
            new ThingViewModel(inspector, inspector, FakeInspector.THING, clock, ViewTasks.callingThread());

    @Test
    void connectedSinceAndLastSeenTickAsTheClockMoves() {
        inspector.connectivity = new ThingDetail.Connectivity(
                true, FakeInspector.NOW.minusSeconds(3), null, FakeInspector.NOW.minusSeconds(1));
        model.reload();

        assertThat(model.connectivitySinceText().get()).isEqualTo("since 2026-11-26 14:29:57 (3 s ago)");
        assertThat(model.lastSeenText().get()).isEqualTo("last heard from 1 s ago");

        clock.advance(Duration.ofSeconds(1));
        model.tick();
        assertThat(model.connectivitySinceText().get())
                .as("seconds count while under a minute")
                .endsWith("(4 s ago)");
        assertThat(model.lastSeenText().get()).isEqualTo("last heard from 2 s ago");

        clock.advance(Duration.ofMinutes(3));
        model.tick();
        assertThat(model.connectivitySinceText().get()).endsWith("(3 min ago)");

        Instant drawn = model.now();
        clock.advance(Duration.ofSeconds(1));
        model.tick();
        assertThat(model.now())
                .as("past a minute, now moves every 30 s: nothing is written again a second later")
                .isEqualTo(drawn);
        clock.advance(Duration.ofSeconds(30));
        model.tick();
        assertThat(model.now()).isEqualTo(clock.instant());
        assertThat(model.lastSeenText().get()).isEqualTo("last heard from 3 min ago");
    }

    @Test
    void theSentNoticeCountsDownAsTheDeviceReportsAndGoesOnceNothingWaits() {
        model.reload();
        model.editorTextProperty().set("{\"led\": \"off\", \"config\": {\"interval\": 30, \"alarmAbove\": 8.0}}");
        model.send();
        assertThat(model.noticeProperty().get().text()).contains("version 5").contains("3 fields wait");

        inspector.deviceReports("", "{\"led\": \"off\", \"config\": {\"interval\": 30}}");
        model.reload();
        assertThat(model.noticeProperty().get())
                .as("one field still waits")
                .satisfies(notice -> assertThat(notice.kind()).isEqualTo(Notice.Kind.SUCCESS))
                .satisfies(notice ->
                        assertThat(notice.text()).contains("version 6").contains("1 field waits"));

        inspector.deviceReports("", "{\"config\": {\"alarmAbove\": 8.0}}");
        model.reload();
        assertThat(model.noticeProperty().get())
                .as("reported: the notice is out of date")
                .isNull();
    }

    @Test
    void theSentNoticeGoesWhenAnotherChangeSupersedesTheDesiredState() {
        model.reload();
        model.editorTextProperty().set("{\"led\": \"off\", \"config\": {\"interval\": 30, \"alarmAbove\": 8.0}}");
        model.send();
        assertThat(model.noticeProperty().get()).isNotNull();

        // someone else changes every field the send left waiting
        inspector.seed("", "{\"state\":{\"desired\":{\"led\":\"on\",\"config\":{\"interval\":60,\"alarmAbove\":9}}}}");
        model.reload();

        assertThat(model.noticeProperty().get()).isNull();
    }

    @Test
    void aLaterVersionThatChangesNothingSentKeepsTheNotice() {
        model.reload();
        model.editorTextProperty().set("{\"led\": \"off\", \"config\": {\"interval\": 30, \"alarmAbove\": 8.0}}");
        model.send();

        inspector.deviceReports("", "{\"temperature\": 4.4}");
        model.reload();

        assertThat(model.noticeProperty().get().text()).contains("3 fields wait");
    }

    /** A clock the test moves by hand. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

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
