package io.fleetdeck.broker.config;

import java.time.Duration;

/**
 * The broker's limits, with AWS IoT Core's defaults (AWS-IOT-BEHAVIOUR §0.1 and §9) so that clients meet here what
 * they would meet there. Each is configurable.
 *
 * @param queuedMessagesPerSession QoS 1 messages kept for a session that cannot take them yet (offline, or its
 *     receive window full), beyond those in flight; past this bound further QoS 1 messages for it are dropped and
 *     counted; 0 for no bound (Mosquitto's {@code max_queued_messages}: 1000 by default)
 * @param inflightPerSession unacknowledged QoS 1 messages the broker sends a client at once (AWS: 100)
 * @param queuedBytesPerSession payload bytes those queued messages may hold together; 0 for no bound (Mosquitto's
 *     {@code max_queued_bytes}, unbounded by default)
 */
public record BrokerLimits(
        int maxClientIdBytes,
        int maxTopicBytes,
        int maxTopicSlashes,
        int maxPayloadBytes,
        int maxSubscriptionsPerSubscribe,
        int maxSubscriptionsPerConnection,
        int minKeepAliveSeconds,
        int maxKeepAliveSeconds,
        Duration sessionExpiry,
        int queuedMessagesPerSession,
        int inflightPerSession,
        int topicAliasMaximum,
        long queuedBytesPerSession) {

    public BrokerLimits(
            int maxClientIdBytes,
            int maxTopicBytes,
            int maxTopicSlashes,
            int maxPayloadBytes,
            int maxSubscriptionsPerSubscribe,
            int maxSubscriptionsPerConnection,
            int minKeepAliveSeconds,
            int maxKeepAliveSeconds,
            Duration sessionExpiry,
            int queuedMessagesPerSession,
            int inflightPerSession,
            int topicAliasMaximum) {
        this(
                maxClientIdBytes,
                maxTopicBytes,
                maxTopicSlashes,
                maxPayloadBytes,
                maxSubscriptionsPerSubscribe,
                maxSubscriptionsPerConnection,
                minKeepAliveSeconds,
                maxKeepAliveSeconds,
                sessionExpiry,
                queuedMessagesPerSession,
                inflightPerSession,
                topicAliasMaximum,
                0);
    }

    public BrokerLimits {
        if (queuedMessagesPerSession < 0 || queuedBytesPerSession < 0) {
            throw new IllegalArgumentException("queue bounds are 0 (none) or more");
        }
    }

    /** Bounds on what waits for one client, as Mosquitto's max_queued_messages and max_queued_bytes; 0 is none. */
    public BrokerLimits withQueueBounds(int messages, long bytes) {
        return new BrokerLimits(
                maxClientIdBytes,
                maxTopicBytes,
                maxTopicSlashes,
                maxPayloadBytes,
                maxSubscriptionsPerSubscribe,
                maxSubscriptionsPerConnection,
                minKeepAliveSeconds,
                maxKeepAliveSeconds,
                sessionExpiry,
                messages,
                inflightPerSession,
                topicAliasMaximum,
                bytes);
    }

    public static BrokerLimits awsDefaults() {
        return new BrokerLimits(128, 256, 7, 128 * 1024, 8, 50, 30, 1200, Duration.ofHours(1), 1000, 100, 8);
    }

    public BrokerLimits withMaxPayloadBytes(int bytes) {
        return new BrokerLimits(
                maxClientIdBytes,
                maxTopicBytes,
                maxTopicSlashes,
                bytes,
                maxSubscriptionsPerSubscribe,
                maxSubscriptionsPerConnection,
                minKeepAliveSeconds,
                maxKeepAliveSeconds,
                sessionExpiry,
                queuedMessagesPerSession,
                inflightPerSession,
                topicAliasMaximum,
                queuedBytesPerSession);
    }

    /**
     * AWS's keep-alive rule: 0 or more than the maximum becomes the maximum, less than the minimum becomes the minimum
     * (AWS-IOT-BEHAVIOUR §0.1: 30–1200 s).
     */
    public int clampKeepAlive(int requestedSeconds) {
        if (requestedSeconds == 0 || requestedSeconds > maxKeepAliveSeconds) {
            return maxKeepAliveSeconds;
        }
        return Math.max(requestedSeconds, minKeepAliveSeconds);
    }

    /**
     * These limits with AWS's topic, size and count limits lifted to MQTT's, for the standard profile: topics and
     * client ids up to {@code maxStringBytes} at any depth, payloads up to {@code maxPacketBytes}, any number of
     * filters per SUBSCRIBE and per connection, and keep-alive as asked (MQTT 3.1.1 §1.5.3, §2.2.3). Sessions, queues
     * and topic aliases keep their configured bounds.
     */
    public BrokerLimits liftedToMqtt(int maxPacketBytes, int maxStringBytes) {
        return new BrokerLimits(
                maxStringBytes,
                maxStringBytes,
                Integer.MAX_VALUE,
                maxPacketBytes,
                Integer.MAX_VALUE,
                Integer.MAX_VALUE,
                0,
                maxStringBytes,
                sessionExpiry,
                queuedMessagesPerSession,
                inflightPerSession,
                topicAliasMaximum);
    }
}
