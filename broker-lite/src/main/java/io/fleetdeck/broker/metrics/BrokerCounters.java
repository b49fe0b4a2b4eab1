package io.fleetdeck.broker.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/** Broker-wide counters: connections accepted and ended (by reason) and all traffic. Thread-safe. */
public final class BrokerCounters {

    private final LongAdder connects = new LongAdder();
    private final Map<DisconnectReason, LongAdder> disconnects = new EnumMap<>(DisconnectReason.class);
    private final TrafficCounters traffic = new TrafficCounters();

    public BrokerCounters() {
        for (DisconnectReason reason : DisconnectReason.values()) {
            disconnects.put(reason, new LongAdder());
        }
    }

    public void connected() {
        connects.increment();
    }

    public void disconnected(DisconnectReason reason) {
        Objects.requireNonNull(disconnects.get(reason), "every reason has a counter")
                .increment();
    }

    public TrafficCounters traffic() {
        return traffic;
    }

    public Stats snapshot() {
        Map<DisconnectReason, Long> ended = new EnumMap<>(DisconnectReason.class);
        disconnects.forEach((reason, count) -> ended.put(reason, count.sum()));
        return new Stats(connects.sum(), Map.copyOf(ended), traffic.snapshot());
    }

    public record Stats(long connects, Map<DisconnectReason, Long> disconnects, TrafficCounters.Traffic traffic) {}
}
