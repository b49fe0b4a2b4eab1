package io.fleetdeck.fleet.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test sets, so queue times and timers are exact and nothing sleeps. */
final class TestClock extends Clock {

    private volatile Instant now;

    TestClock(long epochSecond) {
        this.now = Instant.ofEpochSecond(epochSecond);
    }

    void set(long epochSecond) {
        now = Instant.ofEpochSecond(epochSecond);
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
