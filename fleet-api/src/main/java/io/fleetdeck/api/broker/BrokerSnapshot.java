package io.fleetdeck.api.broker;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
        List<TopicRow> topics,
        QueueBounds queueBounds) {

    public BrokerSnapshot {
        clients = List.copyOf(clients);
        topics = List.copyOf(topics);
    }

    /** With Mosquitto's default bounds on what waits for a client. */
    public BrokerSnapshot(
            Instant takenAt,
            String endpoint,
            long messagesIn,
            long messagesOut,
            long dropped,
            int retained,
            List<ClientRow> clients,
            List<TopicRow> topics) {
        this(takenAt, endpoint, messagesIn, messagesOut, dropped, retained, clients, topics, QueueBounds.DEFAULTS);
    }

    /** What may wait for one client beyond its messages in flight; 0 is no bound. */
    public record QueueBounds(int messages, long bytes) {
        public static final QueueBounds DEFAULTS = new QueueBounds(1000, 0);
    }

    /**
     * A client's dropped messages by reason: QoS 0 to a connection that could not keep up, QoS 1 past its queue's bound
     * of messages or of bytes, and publishes over AWS's rate (with {@code --aws-quotas}).
     */
    public record Drops(long slowConnection, long queueFull, long queueBytesFull, long throttled) {
        public static final Drops NONE = new Drops(0, 0, 0, 0);

        public long total() {
            return slowConnection + queueFull + queueBytesFull + throttled;
        }
    }

    /** One client as the table shows it; flat and immutable so 100k rows stay cheap. */
    public record ClientRow(
            String clientId,
            String address,
            String protocol,
            @Nullable Instant connectedSince,
            long messagesIn,
            long messagesOut,
            int queued,
            Drops drops,
            boolean connected) {

        public long dropped() {
            return drops.total();
        }
    }

    /** One topic: messages so far and the last payload, as text when it is text. */
    public record TopicRow(String topic, long messages, String lastPayload, Instant lastAt) {}
}
