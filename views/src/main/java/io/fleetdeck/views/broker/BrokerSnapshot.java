package io.fleetdeck.views.broker;

import java.time.Instant;
import java.util.List;

/**
 * The broker at one moment: totals since start, every client with a session and every tracked topic. Immutable.
 *
 * @param endpoint where devices connect, in words
 */
public record BrokerSnapshot(
        Instant takenAt,
        String endpoint,
        long messagesIn,
        long messagesOut,
        long dropped,
        int retained,
        List<ClientRow> clients,
        List<TopicRow> topics) {

    public BrokerSnapshot {
        clients = List.copyOf(clients);
        topics = List.copyOf(topics);
    }

    /** One client as the table shows it; flat and immutable so 100k rows stay cheap. */
    public record ClientRow(
            String clientId,
            String address,
            String protocol,
            Instant connectedSince,
            long messagesIn,
            long messagesOut,
            int queued,
            long dropped,
            boolean connected) {}

    /** One topic: messages so far and the last payload, as text when it is text. */
    public record TopicRow(String topic, long messages, String lastPayload, Instant lastAt) {}
}
