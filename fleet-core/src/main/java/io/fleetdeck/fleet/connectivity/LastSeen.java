package io.fleetdeck.fleet.connectivity;

import io.fleetdeck.api.event.FleetEvent.ThingSeen;
import io.fleetdeck.broker.ClientActivity;
import io.fleetdeck.fleet.events.FleetEventSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each thing's last seen (the broker last heard from it: a connect or any message), coalesced: the broker keeps only
 * the latest instant per client in memory, and this passes on the things heard from at most once every
 * {@code interval}, one {@code ThingSeen} event each however often they published. So a fleet that publishes every
 * second costs the index one patch per active thing per interval, never a write per message.
 *
 * <p>{@link #start} runs {@link #flushIfDue} on a thread of its own ({@code last-seen}); a test calls it with a clock
 * it moves. Thread-safe: {@link #of} from any thread, flushes from one at a time.
 */
public final class LastSeen implements AutoCloseable {

    /** How often last seen moves on at most: the Fleet table's "last seen" lags a device by this much at worst. */
    public static final Duration INTERVAL = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(LastSeen.class);

    private final ClientActivity activity;
    private final FleetEventSink events;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, Instant> byThing = new ConcurrentHashMap<>();
    private volatile @Nullable ScheduledExecutorService flusher;
    private Instant lastFlush;

    /** Passes on nothing by itself: call {@link #flushIfDue} (or {@link #start} it). */
    public LastSeen(ClientActivity activity, FleetEventSink events, Clock clock, Duration interval) {
        this.activity = activity;
        this.events = events;
        this.clock = clock;
        this.interval = interval;
        this.lastFlush = clock.instant();
    }

    /** Passes last seen on every {@code interval}, from a thread of its own, until closed. */
    public static LastSeen start(ClientActivity activity, FleetEventSink events, Clock clock, Duration interval) {
        LastSeen lastSeen = new LastSeen(activity, events, clock, interval);
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("last-seen").daemon().factory());
        // asks five times an interval, so a flush is late by a fifth of it at most
        long tick = Math.max(1, interval.toMillis() / 5);
        flusher.scheduleWithFixedDelay(lastSeen::flushSafely, tick, tick, TimeUnit.MILLISECONDS);
        lastSeen.flusher = flusher;
        return lastSeen;
    }

    /** When the broker last heard from {@code thingName}, as last passed on; empty when it has not since start. */
    public Optional<Instant> of(String thingName) {
        return Optional.ofNullable(byThing.get(thingName));
    }

    /**
     * Once {@code interval} has passed since the last flush: publishes a {@code ThingSeen} for each thing heard from
     * since then, with the latest instant, and returns how many. Before that, returns 0 and leaves them to gather.
     */
    public synchronized int flushIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(lastFlush.plus(interval))) {
            return 0;
        }
        lastFlush = now;
        List<ThingSeen> seen = new ArrayList<>();
        activity.takeHeard().forEach((thing, at) -> {
            Instant known = byThing.merge(thing, at, (before, after) -> after.isAfter(before) ? after : before);
            if (known == at) {
                seen.add(new ThingSeen(thing, at));
            }
        });
        events.publishAll(seen);
        return seen.size();
    }

    private void flushSafely() {
        try {
            flushIfDue();
        } catch (RuntimeException e) {
            log.warn("Passing on last seen failed; it is tried again in {}", interval, e);
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService running = flusher;
        if (running != null) {
            running.shutdownNow();
        }
    }
}
