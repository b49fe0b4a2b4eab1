package io.fleetdeck.broker.server;

import io.fleetdeck.broker.ClientConnection;
import io.fleetdeck.broker.PublishedMessage;
import io.fleetdeck.broker.auth.ClientAuthority;
import io.fleetdeck.broker.auth.ConnectionGuard;
import io.fleetdeck.broker.metrics.DisconnectReason;
import io.fleetdeck.broker.policy.IotAction;
import io.fleetdeck.broker.protocol.ReasonCodes;
import io.fleetdeck.broker.session.Outbound;
import io.fleetdeck.broker.session.Session;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttIdentifierRejectedException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, MQTT 3.1.1 or 5 on the same port, with AWS IoT Core's rules where MQTT leaves a choice
 * (AWS-IOT-BEHAVIOUR §0.1). This handler holds the connection's state and its end, and hands each packet to the part
 * that knows its rules: {@link ConnectHandshake} for CONNECT, {@link InboundPublishes} for PUBLISH and the QoS 2
 * replies, {@link SubscriptionRequests} for SUBSCRIBE and UNSUBSCRIBE; {@link OutboundQueue} writes what the session
 * delivers. Owned by the channel's event loop; {@link Outbound} calls from other threads are handed to that loop, so
 * the connection's state is only ever touched there.
 */
final class MqttConnection extends SimpleChannelInboundHandler<MqttMessage> implements Outbound {

    private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);

    private final MessageBroker broker;
    private final ConnectHandshake handshake;
    private final InboundPublishes publishes;
    private final SubscriptionRequests subscriptions;
    private final OutboundQueue outbound;
    private @Nullable ConnectionGuard guard;
    private String pendingClientId;
    private ChannelHandlerContext ctx;
    private Session session;
    private ClientConnection client;
    /* false when an MQTT 5 client set Request Problem Information to 0 (standard profile, MQTT 5 §3.1.2.11.7) */
    private boolean reasonStrings = true;
    private boolean mqtt5;
    private boolean connackSent;
    private boolean sessionEnded;
    private @Nullable PublishedMessage will;
    private long willDelaySeconds;
    private long sessionExpirySeconds;
    private String endReason = "connection lost";
    private DisconnectReason endCategory = DisconnectReason.CONNECTION_LOST;

    /* ctx, session and client are set as the channel becomes active and the client CONNECTs, before any other use */
    @SuppressWarnings("NullAway.Init")
    MqttConnection(MessageBroker broker, @Nullable ClientAuthority authority) {
        this.broker = broker;
        this.handshake = new ConnectHandshake(this, broker, authority);
        this.publishes = new InboundPublishes(this, broker);
        this.subscriptions = new SubscriptionRequests(this, broker);
        this.outbound = new OutboundQueue(this);
    }

    @Override
    public void channelActive(ChannelHandlerContext context) throws Exception {
        this.ctx = context;
        super.channelActive(context);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, MqttMessage message) {
        if (message.decoderResult().isFailure()) {
            malformed(message.decoderResult().cause());
            return;
        }
        MqttMessageType type = message.fixedHeader().messageType();
        if (session == null && type != MqttMessageType.CONNECT) {
            end("the first packet was " + type + ", not CONNECT", ReasonCodes.PROTOCOL_ERROR);
            return;
        }
        switch (type) {
            case CONNECT -> {
                if (session != null) {
                    end("a second CONNECT on one connection", ReasonCodes.PROTOCOL_ERROR);
                } else {
                    handshake.onConnect((MqttConnectMessage) message);
                }
            }
            case PUBLISH -> publishes.onPublish((MqttPublishMessage) message);
            case PUBACK -> session.acknowledged(((MqttMessageIdVariableHeader) message.variableHeader()).messageId());
            case PUBREC, PUBREL, PUBCOMP -> publishes.onQos2Reply(message);
            case SUBSCRIBE -> subscriptions.onSubscribe((MqttSubscribeMessage) message);
            case UNSUBSCRIBE -> subscriptions.onUnsubscribe((MqttUnsubscribeMessage) message);
            case PINGREQ -> ctx.writeAndFlush(MqttMessage.PINGRESP);
            case DISCONNECT -> onDisconnect(message);
            default -> end("unsupported packet " + type, ReasonCodes.PROTOCOL_ERROR);
        }
    }

    // --- the state the parts share: the CONNECT handshake sets it, in the order it learns it; the others read it

    /** The CONNECT's protocol level: 5 is MQTT 5; answers to any other are written as MQTT 3.1.1. */
    void protocolLevel(int version) {
        mqtt5 = version == 5;
    }

    /** The client id the CONNECT asked for, or the one assigned, before the session is attached. */
    void admitting(String clientId) {
        pendingClientId = clientId;
    }

    void guardedBy(ConnectionGuard admitted) {
        guard = admitted;
    }

    void willOnEnd(PublishedMessage lastWill, long delaySeconds) {
        will = lastWill;
        willDelaySeconds = delaySeconds;
    }

    void agreed(long expirySeconds, long maximumPacketSize, boolean wantsReasonStrings) {
        sessionExpirySeconds = expirySeconds;
        outbound.limitPacketSize(maximumPacketSize);
        reasonStrings = wantsReasonStrings;
    }

    void opened(Session attached, ClientConnection connected) {
        session = attached;
        client = connected;
    }

    /** CONNACK is written: the deliveries that queued while the session was attached follow it now. */
    void connackWritten() {
        connackSent = true;
        outbound.drain();
    }

    void refused(String why) {
        endReason = "refused: " + why;
    }

    ChannelHandlerContext ctx() {
        return ctx;
    }

    Session session() {
        return session;
    }

    ClientConnection client() {
        return client;
    }

    @Nullable ConnectionGuard guard() {
        return guard;
    }

    /** Also read by publishers' threads, to encode and measure what they deliver. */
    boolean mqtt5() {
        return mqtt5;
    }

    boolean reasonStrings() {
        return reasonStrings;
    }

    boolean connackSent() {
        return connackSent;
    }

    String remoteAddress() {
        return String.valueOf(ctx.channel().remoteAddress());
    }

    // --- the end of a connection

    private void onDisconnect(MqttMessage disconnect) {
        boolean keepWill = mqtt5
                && disconnect.variableHeader() instanceof MqttReasonCodeAndPropertiesVariableHeader header
                && header.reasonCode() == ReasonCodes.DISCONNECT_WITH_WILL;
        if (!keepWill) {
            will = null;
        }
        endReason = "client disconnected";
        endCategory = DisconnectReason.CLIENT_DISCONNECTED;
        // The session lets go of this connection before the socket closes: a client that waits for the close and
        // reconnects with the same client id must find the session free, not take it over (issue 13, defect 8).
        endSession();
        ctx.close();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            end("keep-alive timeout", ReasonCodes.KEEP_ALIVE_TIMEOUT);
        } else if (event instanceof MqttServer.CertificateDisabled disabled) {
            if (guard != null && disabled.certificateId().equals(guard.certificateId())) {
                end("certificate " + disabled.certificateId() + " is no longer ACTIVE", ReasonCodes.NOT_AUTHORIZED);
            }
        } else {
            super.userEventTriggered(context, event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        endSession();
        super.channelInactive(context);
    }

    /**
     * Once per connection, on its event loop: the will, the session let go and the lifecycle event, in that order. A
     * clean DISCONNECT calls it before the socket closes, so whatever the client does next comes after it.
     */
    private void endSession() {
        if (session == null || sessionEnded) {
            return;
        }
        sessionEnded = true;
        boolean resumedElsewhere = endCategory == DisconnectReason.SESSION_TAKEN_OVER && willDelaySeconds > 0;
        if (will != null && !resumedElsewhere) {
            // MQTT 5 §3.1.3.2.2: after the Will Delay Interval or when the session ends, whichever comes first
            broker.wills()
                    .disconnected(
                            client.clientId(), will, Math.min(willDelaySeconds, sessionExpirySeconds), ctx.executor());
        }
        broker.sessions().closed(session, this);
        log.debug("{} disconnected: {}", client.clientId(), endReason);
        broker.disconnected(client, endCategory, endReason);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        endReason = "connection error: " + cause.getMessage();
        log.debug("Closing {} after an error", remoteAddress(), cause);
        context.close();
    }

    private void malformed(Throwable cause) {
        if (session == null && cause instanceof MqttUnacceptableProtocolVersionException) {
            handshake.refuse(
                    MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION, "unknown protocol version");
        } else if (session == null && cause instanceof MqttIdentifierRejectedException) {
            handshake.refuse(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED, "invalid client identifier");
        } else if (cause instanceof TooLongFrameException) {
            end("packet too large: " + cause.getMessage(), ReasonCodes.PACKET_TOO_LARGE);
        } else {
            end("malformed packet: " + cause.getMessage(), ReasonCodes.MALFORMED_PACKET);
        }
    }

    /** Ends the connection for a broken rule: MQTT 5 clients are told why with DISCONNECT, 3.1.1 ones are closed. */
    void end(String why, byte reason) {
        endReason = why;
        endCategory = switch (reason) {
            case ReasonCodes.KEEP_ALIVE_TIMEOUT -> DisconnectReason.KEEP_ALIVE_TIMEOUT;
            case ReasonCodes.SESSION_TAKEN_OVER -> DisconnectReason.SESSION_TAKEN_OVER;
            case ReasonCodes.NOT_AUTHORIZED -> DisconnectReason.NOT_AUTHORIZED;
            default -> DisconnectReason.PROTOCOL_VIOLATION;
        };
        if (session != null) {
            log.info("Disconnecting {}: {}", client.clientId(), why);
        } else {
            log.info("Closing the connection from {}: {}", remoteAddress(), why);
        }
        if (mqtt5 && connackSent) {
            ctx.writeAndFlush(MqttMessageBuilders.disconnect()
                            .reasonCode(reason)
                            .properties(ReasonCodes.reasonString(why))
                            .build())
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }

    // --- Outbound: called by the session, from any thread; the writes are the outbound queue's

    @Override
    public void send(PublishedMessage message, int packetId, boolean duplicate, int[] subscriptionIds) {
        outbound.send(message, packetId, duplicate, subscriptionIds);
    }

    @Override
    public void sendRelease(int packetId) {
        outbound.sendRelease(packetId);
    }

    @Override
    public boolean fits(PublishedMessage message) {
        return outbound.fits(message);
    }

    @Override
    public boolean isWritable() {
        return outbound.isWritable();
    }

    @Override
    public boolean mayReceive(String topic) {
        if (guard == null || guard.check(IotAction.RECEIVE, topic).allowed()) {
            return true;
        }
        // may run while the session is being attached, before the connection's record exists
        log.debug("{} may not receive {}", pendingClientId, topic);
        broker.authorizationFailedAfterConnect(pendingClientId);
        return false;
    }

    @Override
    public void later(Runnable task, long delayMillis) {
        ctx.executor().schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void takenOver() {
        ctx.executor()
                .execute(() -> end(
                        "session taken over by a new connection with the same client id",
                        ReasonCodes.SESSION_TAKEN_OVER));
    }
}
