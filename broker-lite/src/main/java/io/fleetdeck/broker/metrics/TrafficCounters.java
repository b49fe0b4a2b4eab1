package io.fleetdeck.broker.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * Messages and bytes in and out, and messages dropped: kept per client and for the whole broker. LongAdders, so
 * counting on every packet from many I/O threads costs next to nothing. Thread-safe.
 */
public final class TrafficCounters {

    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder messagesOut = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder droppedQos0 = new LongAdder();
    private final LongAdder droppedQos1 = new LongAdder();
    private final LongAdder droppedQueueBytes = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder authorizationFailures = new LongAdder();

    public void received(int payloadBytes) {
        messagesIn.increment();
        bytesIn.add(payloadBytes);
    }

    public void sent(int payloadBytes) {
        messagesOut.increment();
        bytesOut.add(payloadBytes);
    }

    public void droppedQos0() {
        droppedQos0.increment();
    }

    /** A QoS 1 message for a client whose queue already held its bound of messages. */
    public void droppedQos1() {
        droppedQos1.increment();
    }

    /** A QoS 1 message for a client whose queue already held its bound of bytes. */
    public void droppedQueueBytes() {
        droppedQueueBytes.increment();
    }

    /** A publish discarded because its connection passed its publish rate (AWS's throttling, when turned on). */
    public void throttled() {
        throttled.increment();
    }

    /** A connect, publish, subscribe or delivery its policies did not allow (Defender's num-authorization-failures). */
    public void authorizationFailure() {
        authorizationFailures.increment();
    }

    public Traffic snapshot() {
        return new Traffic(
                messagesIn.sum(),
                bytesIn.sum(),
                messagesOut.sum(),
                bytesOut.sum(),
                droppedQos0.sum(),
                droppedQos1.sum(),
                throttled.sum(),
                authorizationFailures.sum(),
                droppedQueueBytes.sum());
    }

    /**
     * Counts at one moment; payload bytes only, as AWS's Defender metrics count them. Drops by reason: QoS 0 to a
     * connection that could not keep up, QoS 1 over the queue's bound of messages, and over its bound of bytes.
     */
    public record Traffic(
            long messagesIn,
            long bytesIn,
            long messagesOut,
            long bytesOut,
            long droppedQos0,
            long droppedQos1,
            long throttled,
            long authorizationFailures,
            long droppedQueueBytes) {

        /** Every message dropped or discarded, whatever the reason. */
        public long dropped() {
            return droppedQos0 + droppedQos1 + droppedQueueBytes + throttled;
        }
    }
}
