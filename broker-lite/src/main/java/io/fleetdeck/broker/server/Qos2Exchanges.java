package io.fleetdeck.broker.server;

import io.fleetdeck.broker.protocol.Qos2Packets;
import io.fleetdeck.broker.protocol.ReasonCodes;
import io.fleetdeck.broker.session.Session;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttMessage;

/**
 * The broker's half of QoS 2 on one connection, in the standard profile (MQTT 3.1.1 §4.3.3, MQTT 5 §4.3.3). Inbound:
 * PUBREC for a client's QoS 2 PUBLISH, delivered on first receipt, and a copy sent again before PUBREL acknowledged but
 * not delivered again; PUBCOMP for its PUBREL. Outbound: the session answers a subscriber's PUBREC with PUBREL and frees
 * the window slot on PUBCOMP. The state is the {@link Session}'s, so it outlives the connection. Owned by the
 * connection's event loop, like the connection.
 */
final class Qos2Exchanges {

    /** What to do with a QoS 2 PUBLISH before it is looked at. */
    enum Admission {
        /** a new exchange: check it, deliver it, then {@link #received} */
        NEW,
        /** a copy of one not yet released: PUBREC has been sent again, nothing more to do */
        DUPLICATE,
        /** one more than the Receive Maximum the broker gave an MQTT 5 client: end with 0x93 (MQTT 5 §3.3.4) */
        OVER_RECEIVE_MAXIMUM
    }

    private final ChannelHandlerContext ctx;
    private final Session session;
    private final boolean mqtt5;
    /* false when the client set Request Problem Information to 0 (MQTT 5 §3.1.2.11.7) */
    private final boolean reasonStrings;
    private final int receiveMaximum;

    Qos2Exchanges(
            ChannelHandlerContext ctx, Session session, boolean mqtt5, boolean reasonStrings, int receiveMaximum) {
        this.ctx = ctx;
        this.session = session;
        this.mqtt5 = mqtt5;
        this.reasonStrings = reasonStrings;
        this.receiveMaximum = receiveMaximum;
    }

    Admission admit(int packetId) {
        if (session.isAwaitingRelease(packetId)) {
            ctx.writeAndFlush(Qos2Packets.pubRec(packetId, mqtt5, ReasonCodes.SUCCESS, null));
            return Admission.DUPLICATE;
        }
        // 3.1.1 has no Receive Maximum; its packet ids bound the set at 65,535
        return mqtt5 && session.awaitingReleaseCount() >= receiveMaximum
                ? Admission.OVER_RECEIVE_MAXIMUM
                : Admission.NEW;
    }

    int receiveMaximum() {
        return receiveMaximum;
    }

    /** A QoS 2 PUBLISH was taken (or, on 3.1.1, discarded over the rate): PUBREC, and its id waits for PUBREL. */
    void received(int packetId) {
        session.firstReceipt(packetId);
        ctx.writeAndFlush(Qos2Packets.pubRec(packetId, mqtt5, ReasonCodes.SUCCESS, null));
    }

    /** PUBREC, PUBREL or PUBCOMP from the client. */
    void onReply(MqttMessage reply) {
        int packetId = Qos2Packets.packetId(reply);
        switch (reply.fixedHeader().messageType()) {
            case PUBREC -> {
                // the client has an outbound QoS 2 message; the session answers PUBREL, in order with its writes
                boolean refused = Byte.toUnsignedInt(Qos2Packets.reasonCode(reply)) >= 0x80;
                if (!session.publishReceived(packetId, refused) && !refused) {
                    ctx.writeAndFlush(Qos2Packets.pubRel(
                            packetId,
                            mqtt5,
                            ReasonCodes.PACKET_IDENTIFIER_NOT_FOUND,
                            reasonStrings ? "no QoS 2 message " + packetId : null));
                }
            }
            case PUBREL -> {
                boolean known = session.releasedByClient(packetId);
                ctx.writeAndFlush(Qos2Packets.pubComp(
                        packetId,
                        mqtt5,
                        known ? ReasonCodes.SUCCESS : ReasonCodes.PACKET_IDENTIFIER_NOT_FOUND,
                        known || !reasonStrings ? null : "no QoS 2 publish " + packetId + " awaits release"));
            }
            default -> session.publishCompleted(packetId);
        }
    }
}
