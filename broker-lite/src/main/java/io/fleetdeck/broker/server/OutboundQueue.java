package io.fleetdeck.broker.server;

import io.fleetdeck.broker.PublishedMessage;
import io.fleetdeck.broker.protocol.PublishCodec;
import io.fleetdeck.broker.protocol.Qos2Packets;
import io.fleetdeck.broker.protocol.ReasonCodes;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttMessage;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The PUBLISH and PUBREL packets a session delivers to one connection, written after its CONNACK. Deliveries come
 * from every publisher's thread. They queue here and one task on this connection's event loop writes all that waits
 * and flushes once, instead of a task and a flush per message. {@link #send}, {@link #sendRelease}, {@link #fits} and
 * {@link #isWritable} may be called from any thread; {@link #drain} runs on the event loop.
 */
final class OutboundQueue {

    private final MqttConnection connection;
    private final Queue<Outgoing> outgoing = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private boolean flushScheduled;
    /* the Maximum Packet Size an MQTT 5 client set, 0 for none; read by publishers' threads (MQTT 5 §3.1.2.11.4) */
    private volatile long clientMaximumPacketSize;

    OutboundQueue(MqttConnection connection) {
        this.connection = connection;
    }

    /** Set at CONNECT, before the session is attached and anything is delivered. */
    void limitPacketSize(long maximum) {
        clientMaximumPacketSize = maximum;
    }

    void send(PublishedMessage message, int packetId, boolean duplicate, int[] subscriptionIds) {
        ChannelHandlerContext ctx = connection.ctx();
        if (connection.connackSent() && outgoing.isEmpty() && ctx.executor().inEventLoop()) {
            // published on this connection's own loop: write now, flush once when the loop is done with its reads
            ctx.write(
                    PublishCodec.write(message, packetId, duplicate, connection.mqtt5(), subscriptionIds),
                    ctx.voidPromise());
            if (!flushScheduled) {
                flushScheduled = true;
                ctx.executor().execute(this::flushWritten);
            }
            return;
        }
        outgoing.add(new Outgoing(message, packetId, duplicate, subscriptionIds));
        if (drainScheduled.compareAndSet(false, true)) {
            ctx.executor().execute(this::drain);
        }
    }

    void sendRelease(int packetId) {
        ChannelHandlerContext ctx = connection.ctx();
        MqttMessage release = Qos2Packets.pubRel(packetId, connection.mqtt5(), ReasonCodes.SUCCESS, null);
        if (connection.connackSent() && outgoing.isEmpty() && ctx.executor().inEventLoop()) {
            ctx.write(release, ctx.voidPromise());
            if (!flushScheduled) {
                flushScheduled = true;
                ctx.executor().execute(this::flushWritten);
            }
            return;
        }
        outgoing.add(new Outgoing(null, packetId, false, null));
        if (drainScheduled.compareAndSet(false, true)) {
            ctx.executor().execute(this::drain);
        }
    }

    private void flushWritten() {
        flushScheduled = false;
        connection.ctx().flush();
    }

    /** On the event loop: writes every queued delivery, then flushes once. Waits for CONNACK to go first. */
    void drain() {
        drainScheduled.set(false);
        if (!connection.connackSent()) {
            return;
        }
        ChannelHandlerContext ctx = connection.ctx();
        boolean mqtt5 = connection.mqtt5();
        boolean wrote = false;
        Outgoing next;
        while ((next = outgoing.poll()) != null) {
            ctx.write(next.encode(mqtt5), ctx.voidPromise());
            wrote = true;
        }
        if (wrote) {
            ctx.flush();
        }
    }

    /** A PUBLISH waiting to be written, or with no message a PUBREL for {@code packetId}. */
    private record Outgoing(
            @Nullable PublishedMessage message, int packetId, boolean duplicate, int @Nullable [] subscriptionIds) {

        MqttMessage encode(boolean mqtt5) {
            return message == null
                    ? Qos2Packets.pubRel(packetId, mqtt5, ReasonCodes.SUCCESS, null)
                    : PublishCodec.write(message, packetId, duplicate, mqtt5, subscriptionIds);
        }
    }

    /** Whether a PUBLISH of {@code message} fits the Maximum Packet Size the client set (MQTT 5 §3.1.2.11.4). */
    boolean fits(PublishedMessage message) {
        long maximum = clientMaximumPacketSize;
        return maximum == 0 || PublishCodec.encodedSizeAtMost(message, connection.mqtt5()) <= maximum;
    }

    boolean isWritable() {
        return connection.ctx().channel().isWritable();
    }
}
