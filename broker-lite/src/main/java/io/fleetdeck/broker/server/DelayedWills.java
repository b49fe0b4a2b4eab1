package io.fleetdeck.broker.server;

import io.fleetdeck.broker.PublishedMessage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Wills that wait out their MQTT 5 Will Delay Interval (§3.1.3.2.2): a device that drops off and is back within the
 * delay (a flaky cellular link) does not announce itself gone. Keyed by client id. Thread-safe.
 */
final class DelayedWills {

    private record Pending(PublishedMessage will, ScheduledFuture<?> timer) {}

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Consumer<PublishedMessage> publisher;

    DelayedWills(Consumer<PublishedMessage> publisher) {
        this.publisher = publisher;
    }

    /** A connection with a will ended without a normal DISCONNECT: publish now, or after {@code delaySeconds}. */
    void disconnected(String clientId, PublishedMessage will, long delaySeconds, ScheduledExecutorService timers) {
        if (delaySeconds <= 0) {
            publisher.accept(will);
            return;
        }
        Pending[] entry = new Pending[1];
        ScheduledFuture<?> timer = timers.schedule(
                () -> {
                    if (pending.remove(clientId, entry[0])) {
                        publisher.accept(will);
                    }
                },
                delaySeconds,
                TimeUnit.SECONDS);
        entry[0] = new Pending(will, timer);
        Pending replaced = pending.put(clientId, entry[0]);
        if (replaced != null && replaced.timer().cancel(false)) {
            publisher.accept(replaced.will());
        }
    }

    /**
     * The client connected again: a will still waiting is dropped when the session goes on, and published now when
     * the client starts clean, which ends the session the will belonged to.
     */
    void reconnected(String clientId, boolean cleanStart) {
        Pending waiting = pending.remove(clientId);
        if (waiting != null && waiting.timer().cancel(false) && cleanStart) {
            publisher.accept(waiting.will());
        }
    }
}
