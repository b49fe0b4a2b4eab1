package io.fleetdeck.broker.metrics;

import io.fleetdeck.broker.ClientConnection;
import org.jspecify.annotations.Nullable;

/**
 * One client as the Broker view and Defender see it: its connection (null while it is away with a kept session),
 * QoS 1 messages waiting for it, and its traffic.
 */
public record ClientStats(
        String clientId, @Nullable ClientConnection connection, int queued, TrafficCounters.Traffic traffic) {

    public boolean connected() {
        return connection != null;
    }
}
