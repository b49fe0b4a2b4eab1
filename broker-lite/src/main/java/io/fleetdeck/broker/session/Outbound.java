package io.fleetdeck.broker.session;

import io.fleetdeck.broker.PublishedMessage;

/** A live connection as a session sees it: where to write the messages it delivers. */
public interface Outbound {

    /**
     * Writes one PUBLISH; {@code packetId} is 0 for QoS 0, {@code subscriptionIds} the MQTT 5 Subscription Identifiers
     * of the client's subscriptions that matched (usually none). Must not block.
     */
    void send(PublishedMessage message, int packetId, boolean duplicate, int[] subscriptionIds);

    /** Writes one PUBREL for an outbound QoS 2 message the client has PUBREC'd (MQTT 3.1.1 §3.6). Must not block. */
    void sendRelease(int packetId);

    /**
     * Whether a PUBLISH of {@code message} fits the Maximum Packet Size the client set; one that does not is discarded
     * as if it had been sent (MQTT 5 §3.1.2.11.4).
     */
    default boolean fits(PublishedMessage message) {
        return true;
    }

    /** Whether the connection's policies let it receive a message on {@code topic} (iot:Receive). */
    boolean mayReceive(String topic);

    /** False while the connection's write buffer is over its high-water mark (a slow reader). */
    boolean isWritable();

    /** Runs {@code task} on this connection's thread after {@code delayMillis}: for paced replays. */
    void later(Runnable task, long delayMillis);

    /** Closes this connection because another one with the same client id took its session over. */
    void takenOver();
}
