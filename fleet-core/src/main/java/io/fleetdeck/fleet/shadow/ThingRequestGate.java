package io.fleetdeck.fleet.shadow;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admits a thing's shadow requests within {@link ShadowLimits}: a request holds an in-flight place from when it is
 * admitted until it is answered, and each thing may start a limited number per second (counted in whole seconds of
 * the clock, as AWS's quotas are stated).
 */
final class ThingRequestGate {

    static final String TOO_MANY_REQUESTS = "Too Many Requests";

    private final ShadowLimits limits;
    private final Clock clock;
    private final ConcurrentHashMap<String, Usage> usage = new ConcurrentHashMap<>();

    /** Guarded by its own monitor; removed when the thing has nothing in flight, so idle things cost nothing. */
    private static final class Usage {
        int inFlight;
        long second;
        int startedThisSecond;
    }

    ThingRequestGate(ShadowLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Takes an in-flight place for {@code thing}, or refuses with 429. */
    void admit(String thing) throws ShadowException {
        long second = clock.millis() / 1000;
        boolean[] admitted = {false};
        usage.compute(thing, (name, current) -> {
            Usage u = current == null ? new Usage() : current;
            if (u.second != second) {
                u.second = second;
                u.startedThisSecond = 0;
            }
            if (u.inFlight < limits.inFlightPerThing() && u.startedThisSecond < limits.requestsPerSecondPerThing()) {
                u.inFlight++;
                u.startedThisSecond++;
                admitted[0] = true;
            }
            return u.inFlight == 0 && u.startedThisSecond == 0 ? null : u;
        });
        if (!admitted[0]) {
            throw new ShadowException(429, TOO_MANY_REQUESTS);
        }
    }

    /** Gives back the place of an answered request. */
    void release(String thing) {
        long second = clock.millis() / 1000;
        usage.computeIfPresent(thing, (name, u) -> {
            u.inFlight--;
            return u.inFlight == 0 && u.second != second ? null : u;
        });
    }
}
