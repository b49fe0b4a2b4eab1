package io.fleetdeck.broker.server;

import io.fleetdeck.broker.ClientConnection;
import io.fleetdeck.broker.PublishedMessage;
import io.fleetdeck.broker.auth.ClientAuthority;
import io.fleetdeck.broker.auth.ConnectionGuard;
import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.config.MqttProfile;
import io.fleetdeck.broker.metrics.DisconnectReason;
import io.fleetdeck.broker.policy.Decision;
import io.fleetdeck.broker.policy.IotAction;
import io.fleetdeck.broker.protocol.PublishCodec;
import io.fleetdeck.broker.protocol.Qos2Packets;
import io.fleetdeck.broker.protocol.ReasonCodes;
import io.fleetdeck.broker.protocol.TopicRules;
import io.fleetdeck.broker.routing.MessageRouter;
import io.fleetdeck.broker.session.Outbound;
import io.fleetdeck.broker.session.Session;
import io.fleetdeck.broker.session.SessionStore;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttIdentifierRejectedException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.IntegerProperty;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttProperties.StringProperty;
import io.netty.handler.codec.mqtt.MqttPubAckMessage;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption.RetainedHandlingPolicy;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, MQTT 3.1.1 or 5 on the same port: the CONNECT handshake, publishes, subscriptions and the
 * end of the connection, with AWS IoT Core's rules where MQTT leaves a choice (AWS-IOT-BEHAVIOUR §0.1). Owned by the
 * channel's event loop; {@link Outbound} calls from other threads are handed to that loop, so the connection's state
 * is only ever touched there.
 */
final class MqttConnection extends SimpleChannelInboundHandler<MqttMessage> implements Outbound {

    private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);

    /* A PUBACK with success and no properties has the same form in MQTT 3.1.1 and 5 (MQTT 5 §3.4.2.1). */
    private static final MqttFixedHeader PUBACK_HEADER =
            new MqttFixedHeader(MqttMessageType.PUBACK, false, MqttQoS.AT_MOST_ONCE, false, 2);

    private final MessageBroker broker;
    private final MqttProfile profile;
    private final TopicRules topicRules;
    /* null on the loopback listener for tools, and in protocol tests: no certificate, no policies */
    private final @Nullable ClientAuthority authority;
    private @Nullable ConnectionGuard guard;
    private String pendingClientId;
    private ChannelHandlerContext ctx;
    private Session session;
    private ClientConnection client;
    /* the Maximum Packet Size an MQTT 5 client set, 0 for none; read by publishers' threads (MQTT 5 §3.1.2.11.4) */
    private volatile long clientMaximumPacketSize;
    /* false when an MQTT 5 client set Request Problem Information to 0 (standard profile, MQTT 5 §3.1.2.11.7) */
    private boolean reasonStrings = true;
    /* the QoS 2 exchanges of this connection's session; made on first use, in the standard profile only */
    private @Nullable Qos2Exchanges qos2;
    private boolean mqtt5;
    private boolean connackSent;
    private boolean sessionEnded;
    /*
     * Deliveries come from every publisher's thread. They queue here and one task on this connection's event loop
     * writes all that waits and flushes once, instead of a task and a flush per message.
     */
    private final Queue<Outgoing> outgoing = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private boolean flushScheduled;
    private final Map<Integer, String> topicAliases = new HashMap<>();
    private @Nullable PublishedMessage will;
    private long willDelaySeconds;
    private long sessionExpirySeconds;
    private String endReason = "connection lost";
    private DisconnectReason endCategory = DisconnectReason.CONNECTION_LOST;

    /* ctx, session and client are set as the channel becomes active and the client CONNECTs, before any other use */
    @SuppressWarnings("NullAway.Init")
    MqttConnection(MessageBroker broker, @Nullable ClientAuthority authority) {
        this.broker = broker;
        this.profile = broker.profile();
        this.topicRules = broker.topicRules();
        this.authority = authority;
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
            case CONNECT -> onConnect((MqttConnectMessage) message);
            case PUBLISH -> onPublish((MqttPublishMessage) message);
            case PUBACK -> session.acknowledged(((MqttMessageIdVariableHeader) message.variableHeader()).messageId());
            case PUBREC, PUBREL, PUBCOMP -> onQos2Reply(message);
            case SUBSCRIBE -> onSubscribe((MqttSubscribeMessage) message);
            case UNSUBSCRIBE -> onUnsubscribe((MqttUnsubscribeMessage) message);
            case PINGREQ -> ctx.writeAndFlush(MqttMessage.PINGRESP);
            case DISCONNECT -> onDisconnect(message);
            default -> end("unsupported packet " + type, ReasonCodes.PROTOCOL_ERROR);
        }
    }

    // --- CONNECT

    private void onConnect(MqttConnectMessage connect) {
        if (session != null) {
            end("a second CONNECT on one connection", ReasonCodes.PROTOCOL_ERROR);
            return;
        }
        int version = connect.variableHeader().version();
        mqtt5 = version == 5;
        if (version != 4 && version != 5) {
            refuse(
                    MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION,
                    "MQTT protocol level " + version);
            return;
        }
        BrokerLimits limits = broker.limits();
        String requestedId = connect.payload().clientIdentifier();
        Optional<String> idProblem =
                checkClientId(requestedId, connect.variableHeader().isCleanSession());
        if (idProblem.isPresent()) {
            refuse(
                    mqtt5
                            ? MqttConnectReturnCode.CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID
                            : MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED,
                    idProblem.get());
            return;
        }
        boolean assignedId = requestedId.isEmpty();
        String clientId = assignedId ? "fleetdeck-" + UUID.randomUUID() : requestedId;
        if (!broker.admitConnect(clientId)) {
            refuse(
                    mqtt5
                            ? MqttConnectReturnCode.CONNECTION_REFUSED_CONNECTION_RATE_EXCEEDED
                            : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE,
                    "more than " + broker.quotas().connectsPerSecondPerClientId() + " CONNECT a second for client id "
                            + clientId);
            return;
        }
        broker.connectionAttempt(clientId, remoteIp());
        pendingClientId = clientId;
        ClientAuthority clientAuthority = authority;
        if (clientAuthority != null && !admitted(clientAuthority, clientId)) {
            return;
        }
        if (connect.variableHeader().isWillFlag() && !acceptWill(connect, clientId)) {
            return;
        }
        int keepAlive = profile.keepAliveSeconds(connect.variableHeader().keepAliveTimeSeconds(), limits);
        if (keepAlive > 0) { // 0 turns keep-alive off, where the profile honours it (MQTT 3.1.1 §3.1.2.10)
            ctx.pipeline()
                    .addBefore(
                            ctx.name(),
                            "keep-alive",
                            new IdleStateHandler(keepAlive * 1500L, 0, 0, TimeUnit.MILLISECONDS));
        }

        MqttProperties requested = connect.variableHeader().properties();
        long maxExpiry = limits.sessionExpiry().toSeconds();
        long expiry = sessionExpiry(connect, requested, maxExpiry);
        sessionExpirySeconds = expiry;
        broker.wills().reconnected(clientId, connect.variableHeader().isCleanSession());
        Integer receiveMaximum = PublishCodec.integerProperty(requested, MqttPropertyType.RECEIVE_MAXIMUM);
        clientMaximumPacketSize = clientMaximumPacketSize(requested);
        reasonStrings = reasonStringsWanted(requested);
        SessionStore.Opened opened = broker.sessions()
                .open(
                        clientId,
                        guard == null
                                ? SessionStore.NO_PRINCIPAL
                                : Objects.requireNonNullElse(guard.certificateId(), SessionStore.NO_PRINCIPAL),
                        connect.variableHeader().isCleanSession(),
                        expiry,
                        receiveMaximum == null ? 65535 : receiveMaximum,
                        this);
        session = opened.session();
        client = new ClientConnection(
                clientId,
                remoteAddress(),
                version,
                broker.clock().instant(),
                guard == null ? null : guard.certificateId(),
                UUID.randomUUID().toString().replace("-", ""));

        MqttProperties granted = mqtt5
                ? connackProperties(
                        connect.variableHeader().keepAliveTimeSeconds(),
                        keepAlive,
                        expiry,
                        requested,
                        assignedId ? clientId : null)
                : MqttProperties.NO_PROPERTIES;
        MqttConnAckMessage connack = MqttMessageBuilders.connAck()
                .returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
                .sessionPresent(opened.present())
                .properties(granted)
                .build();
        ctx.writeAndFlush(connack);
        connackSent = true;
        drainOutgoing();
        log.debug(
                "{} connected from {} (MQTT {}, keep-alive {} s)",
                clientId,
                client.remoteAddress(),
                mqtt5 ? "5" : "3.1.1",
                keepAlive);
        broker.connected(client);
    }

    /**
     * Mutual TLS has shown the certificate chains to a registered CA; now the registry says whether the certificate is
     * ACTIVE and the policies whether this client id may connect with it (AWS-IOT-BEHAVIOUR §5.1, §5.9).
     */
    private boolean admitted(ClientAuthority clientAuthority, String clientId) {
        X509Certificate certificate = peerCertificate();
        if (certificate == null) {
            refuseUnauthorized("no client certificate");
            return false;
        }
        ConnectionGuard admitted = ConnectionGuard.admit(clientAuthority, certificate, clientId, remoteIp());
        guard = admitted;
        String refusal = admitted.refusal();
        if (refusal != null) {
            refuseUnauthorized(refusal);
            return false;
        }
        Decision connect = admitted.check(IotAction.CONNECT, clientId);
        if (!connect.allowed()) {
            refuseUnauthorized("client id " + clientId + " may not connect: " + connect.explanation());
            return false;
        }
        return true;
    }

    private void refuseUnauthorized(String why) {
        broker.authorizationFailed(pendingClientId);
        refuse(
                mqtt5
                        ? MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5
                        : MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED,
                why);
    }

    private @Nullable X509Certificate peerCertificate() {
        SslHandler tls = ctx.pipeline().get(SslHandler.class);
        try {
            return tls != null && tls.engine().getSession().getPeerCertificates()[0] instanceof X509Certificate x509
                    ? x509
                    : null;
        } catch (SSLPeerUnverifiedException none) {
            return null;
        }
    }

    private @Nullable String remoteIp() {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress address && address.getAddress() != null
                ? address.getAddress().getHostAddress()
                : null;
    }

    private Optional<String> checkClientId(String clientId, boolean cleanSession) {
        if (clientId.isEmpty() && !cleanSession && !mqtt5) {
            return Optional.of("an empty client id needs a clean session (MQTT 3.1.1 §3.1.3.1)");
        }
        int bytes = clientId.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > broker.limits().maxClientIdBytes()) {
            return Optional.of("client id of " + bytes + " bytes, more than "
                    + broker.limits().maxClientIdBytes());
        }
        if (clientId.startsWith("$") && profile.reservesDollarClientIds()) {
            return Optional.of("client ids starting with $ are reserved");
        }
        return Optional.empty();
    }

    private long clientMaximumPacketSize(MqttProperties requested) {
        Integer asked = mqtt5 && profile.honoursClientPreferences()
                ? PublishCodec.integerProperty(requested, MqttPropertyType.MAXIMUM_PACKET_SIZE)
                : null;
        return asked == null ? 0 : Integer.toUnsignedLong(asked);
    }

    /**
     * Request Problem Information 0: no Reason String on acknowledgements, only on CONNACK and DISCONNECT (MQTT 5
     * §3.1.2.11.7). Under AWS's rules, as before, acknowledgements always say why.
     */
    private boolean reasonStringsWanted(MqttProperties requested) {
        Integer asked = mqtt5 && profile.honoursClientPreferences()
                ? PublishCodec.integerProperty(requested, MqttPropertyType.REQUEST_PROBLEM_INFORMATION)
                : null;
        return asked == null || asked != 0;
    }

    private long sessionExpiry(MqttConnectMessage connect, MqttProperties requested, long maxExpiry) {
        if (!mqtt5) {
            return connect.variableHeader().isCleanSession() ? 0 : maxExpiry;
        }
        Integer asked = PublishCodec.integerProperty(requested, MqttPropertyType.SESSION_EXPIRY_INTERVAL);
        return asked == null ? 0 : Math.min(Integer.toUnsignedLong(asked), maxExpiry);
    }

    private boolean acceptWill(MqttConnectMessage connect, String clientId) {
        String topic = connect.payload().willTopic();
        Optional<String> problem = topicRules.checkTopicName(topic);
        if (problem.isEmpty() && connect.variableHeader().isWillRetain() && !profile.mayRetainOn(topic)) {
            problem = Optional.of("a reserved topic cannot be retained");
        }
        if (problem.isPresent()) {
            refuse(
                    mqtt5
                            ? MqttConnectReturnCode.CONNECTION_REFUSED_TOPIC_NAME_INVALID
                            : MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED,
                    "will topic " + topic + ": " + problem.get());
            return false;
        }
        MqttProperties willProperties = connect.payload().willProperties();
        will = new PublishedMessage(
                topic,
                connect.payload().willMessageInBytes(),
                Math.min(profile.maximumQos(), connect.variableHeader().willQos()),
                connect.variableHeader().isWillRetain(),
                clientId,
                mqtt5 ? PublishCodec.readProperties(willProperties) : PublishedMessage.MessageProperties.NONE);
        Integer delay =
                mqtt5 ? PublishCodec.integerProperty(willProperties, MqttPropertyType.WILL_DELAY_INTERVAL) : null;
        willDelaySeconds = delay == null ? 0 : Integer.toUnsignedLong(delay);
        return true;
    }

    private MqttProperties connackProperties(
            int askedKeepAlive,
            int keepAlive,
            long expiry,
            MqttProperties requested,
            @Nullable String assignedClientId) {
        BrokerLimits limits = broker.limits();
        MqttProperties props = new MqttProperties();
        if (profile.maximumQos() < 2) {
            // absent means 2; the property may only say 0 or 1 (MQTT 5 §3.2.2.3.4)
            props.add(new IntegerProperty(MqttPropertyType.MAXIMUM_QOS.value(), profile.maximumQos()));
        }
        props.add(new IntegerProperty(MqttPropertyType.RETAIN_AVAILABLE.value(), 1));
        props.add(new IntegerProperty(MqttPropertyType.WILDCARD_SUBSCRIPTION_AVAILABLE.value(), 1));
        props.add(new IntegerProperty(MqttPropertyType.SHARED_SUBSCRIPTION_AVAILABLE.value(), 1));
        props.add(new IntegerProperty(MqttPropertyType.TOPIC_ALIAS_MAXIMUM.value(), limits.topicAliasMaximum()));
        props.add(new IntegerProperty(MqttPropertyType.RECEIVE_MAXIMUM.value(), limits.inflightPerSession()));
        props.add(new IntegerProperty(MqttPropertyType.MAXIMUM_PACKET_SIZE.value(), MqttServer.maxPacketBytes(limits)));
        if (askedKeepAlive != keepAlive) {
            props.add(new IntegerProperty(MqttPropertyType.SERVER_KEEP_ALIVE.value(), keepAlive));
        }
        Integer askedExpiry = PublishCodec.integerProperty(requested, MqttPropertyType.SESSION_EXPIRY_INTERVAL);
        if (askedExpiry != null && Integer.toUnsignedLong(askedExpiry) != expiry) {
            props.add(new IntegerProperty(MqttPropertyType.SESSION_EXPIRY_INTERVAL.value(), (int) expiry));
        }
        if (assignedClientId != null) {
            props.add(new StringProperty(MqttPropertyType.ASSIGNED_CLIENT_IDENTIFIER.value(), assignedClientId));
        }
        return props;
    }

    private void refuse(MqttConnectReturnCode code, String why) {
        endReason = "refused: " + why;
        log.info("Refused a connection from {}: {}", remoteAddress(), why);
        MqttConnAckMessage connack = MqttMessageBuilders.connAck()
                .returnCode(code)
                .sessionPresent(false)
                .properties(mqtt5 ? ReasonCodes.reasonString(why) : MqttProperties.NO_PROPERTIES)
                .build();
        ctx.writeAndFlush(connack).addListener(ChannelFutureListener.CLOSE);
    }

    // --- PUBLISH

    private void onPublish(MqttPublishMessage publish) {
        MqttQoS qos = publish.fixedHeader().qosLevel();
        int packetId = publish.variableHeader().packetId();
        if (qos == MqttQoS.EXACTLY_ONCE && !profile.supportsQos2()) {
            end("a QoS 2 publish; the broker supports QoS 0 and 1, as AWS does", ReasonCodes.QOS_NOT_SUPPORTED);
            return;
        }
        if (qos == MqttQoS.EXACTLY_ONCE && !admitQos2(packetId)) {
            return;
        }
        String topic = resolveTopic(publish);
        if (topic == null) {
            return;
        }
        Optional<String> problem = topicRules.checkTopicName(topic);
        byte reason = ReasonCodes.TOPIC_NAME_INVALID;
        if (problem.isEmpty() && publish.fixedHeader().isRetain() && !profile.mayRetainOn(topic)) {
            problem = Optional.of("a reserved topic cannot be retained");
            reason = ReasonCodes.RETAIN_NOT_SUPPORTED;
        }
        if (problem.isEmpty()
                && publish.payload().readableBytes() > broker.limits().maxPayloadBytes()) {
            problem = Optional.of("payload of " + publish.payload().readableBytes() + " bytes, more than "
                    + broker.limits().maxPayloadBytes());
            reason = ReasonCodes.PACKET_TOO_LARGE;
        }
        if (problem.isPresent()) {
            rejectPublish(topic, qos, packetId, problem.get(), reason);
            return;
        }
        ConnectionGuard publishGuard = guard;
        if (publishGuard != null
                && !mayPublish(publishGuard, topic, publish.fixedHeader().isRetain(), qos, packetId)) {
            return;
        }
        if (!session.admitInbound()) {
            throttled(topic, qos, packetId);
            return;
        }
        session.countReceived(publish.payload().readableBytes());
        broker.route(PublishCodec.read(publish, topic, client.clientId()));
        if (qos == MqttQoS.AT_LEAST_ONCE) {
            ctx.writeAndFlush(new MqttPubAckMessage(PUBACK_HEADER, MqttMessageIdVariableHeader.from(packetId)));
        } else if (qos == MqttQoS.EXACTLY_ONCE) {
            received(packetId);
        }
    }

    // --- QoS 2 (standard profile): MQTT 3.1.1 §4.3.3, MQTT 5 §4.3.3, in Qos2Exchanges

    private Qos2Exchanges qos2() {
        if (qos2 == null) {
            qos2 = new Qos2Exchanges(
                    ctx, session, mqtt5, reasonStrings, broker.limits().inflightPerSession());
        }
        return qos2;
    }

    private boolean admitQos2(int packetId) {
        return switch (qos2().admit(packetId)) {
            case NEW -> true;
            case DUPLICATE -> false;
            case OVER_RECEIVE_MAXIMUM -> {
                end(
                        "more than " + qos2().receiveMaximum() + " QoS 2 publishes awaiting PUBREL",
                        ReasonCodes.RECEIVE_MAXIMUM_EXCEEDED);
                yield false;
            }
        };
    }

    private void received(int packetId) {
        qos2().received(packetId);
    }

    private void onQos2Reply(MqttMessage reply) {
        if (!profile.supportsQos2()) {
            end("unsupported packet " + reply.fixedHeader().messageType(), ReasonCodes.PROTOCOL_ERROR);
            return;
        }
        qos2().onReply(reply);
    }

    /** MQTT 5 topic aliases (§3.3.2.3.4): an alias with a topic sets it, an alias alone stands for it. */
    private @Nullable String resolveTopic(MqttPublishMessage publish) {
        String topic = publish.variableHeader().topicName();
        Integer alias = mqtt5 ? PublishCodec.topicAlias(publish.variableHeader().properties()) : null;
        if (alias == null) {
            return topic;
        }
        if (alias < 1 || alias > broker.limits().topicAliasMaximum()) {
            end(
                    "topic alias " + alias + " outside 1.." + broker.limits().topicAliasMaximum(),
                    ReasonCodes.TOPIC_ALIAS_INVALID);
            return null;
        }
        if (!topic.isEmpty()) {
            topicAliases.put(alias, topic);
            return topic;
        }
        String known = topicAliases.get(alias);
        if (known == null) {
            end("topic alias " + alias + " used before it was set", ReasonCodes.PROTOCOL_ERROR);
        }
        return known;
    }

    /**
     * iot:Publish (and iot:RetainPublish for a retained message). Denied: an MQTT 5 QoS 1 publish gets PUBACK 0x87
     * and the connection goes on; otherwise the connection is closed, as AWS does (AWS-IOT-BEHAVIOUR §5.9).
     */
    private boolean mayPublish(ConnectionGuard publishGuard, String topic, boolean retain, MqttQoS qos, int packetId) {
        Decision decision = publishGuard.check(IotAction.PUBLISH, topic);
        if (decision.allowed() && retain) {
            decision = publishGuard.check(IotAction.RETAIN_PUBLISH, topic);
        }
        if (decision.allowed()) {
            return true;
        }
        session.countAuthorizationFailure();
        broker.authorizationFailedAfterConnect(client.clientId());
        String why = "not authorized to publish to " + topic + ": " + decision.explanation();
        if (mqtt5 && qos != MqttQoS.AT_MOST_ONCE) {
            log.info("{}: {}", client.clientId(), why);
            ctx.writeAndFlush(refusedPublishReply(qos, packetId, ReasonCodes.NOT_AUTHORIZED, why));
        } else {
            end(why, ReasonCodes.NOT_AUTHORIZED);
        }
        return false;
    }

    /**
     * Over the publish rate the message is discarded, as AWS does; a QoS 1 publish is still acknowledged (on MQTT 5
     * with Quota exceeded) so the client's window never stalls on it.
     */
    private void throttled(String topic, MqttQoS qos, int packetId) {
        log.debug("{} passed its publish rate; discarded a publish to {}", client.clientId(), topic);
        if (qos == MqttQoS.AT_MOST_ONCE) {
            return;
        }
        if (mqtt5) {
            ctx.writeAndFlush(refusedPublishReply(qos, packetId, ReasonCodes.QUOTA_EXCEEDED, "publish rate exceeded"));
        } else if (qos == MqttQoS.EXACTLY_ONCE) {
            received(packetId);
        } else {
            ctx.writeAndFlush(new MqttPubAckMessage(PUBACK_HEADER, MqttMessageIdVariableHeader.from(packetId)));
        }
    }

    private void rejectPublish(String topic, MqttQoS qos, int packetId, String problem, byte reason) {
        log.info("{} published to {}: {}", client.clientId(), topic, problem);
        if (mqtt5 && qos != MqttQoS.AT_MOST_ONCE) {
            ctx.writeAndFlush(refusedPublishReply(qos, packetId, reason, problem));
        } else {
            // MQTT 3.1.1 has no way to refuse one publish: the connection is closed (§4.8, AWS-IOT-BEHAVIOUR §0.1)
            end("publish to " + topic + ": " + problem, reason);
        }
    }

    /**
     * MQTT 5's answer to a publish the broker will not deliver: PUBACK for QoS 1, PUBREC for QoS 2, with the reason;
     * a PUBREC of 0x80 or more ends the QoS 2 exchange, so no packet id is kept (MQTT 5 §4.3.3).
     */
    private MqttMessage refusedPublishReply(MqttQoS qos, int packetId, byte reason, String why) {
        if (qos == MqttQoS.EXACTLY_ONCE) {
            return Qos2Packets.pubRec(packetId, true, reason, reasonStrings ? why : null);
        }
        return MqttMessageBuilders.pubAck()
                .packetId(packetId)
                .reasonCode(reason)
                .properties(reasonStrings ? ReasonCodes.reasonString(why) : MqttProperties.NO_PROPERTIES)
                .build();
    }

    // --- SUBSCRIBE and UNSUBSCRIBE

    private void onSubscribe(MqttSubscribeMessage subscribe) {
        List<MqttTopicSubscription> requests = subscribe.payload().topicSubscriptions();
        Integer subscriptionId = mqtt5
                ? PublishCodec.integerProperty(
                        subscribe.idAndPropertiesVariableHeader().properties(),
                        MqttPropertyType.SUBSCRIPTION_IDENTIFIER)
                : null;
        if (subscriptionId != null && subscriptionId == 0) {
            end("a Subscription Identifier of 0 (MQTT 5 §3.8.2.1.2)", ReasonCodes.PROTOCOL_ERROR);
            return;
        }
        if (mqtt5
                && profile.honoursNoLocalAndRetainAsPublished()
                && requests.stream()
                        .anyMatch(request ->
                                request.option().isNoLocal() && MessageRouter.isShared(request.topicFilter()))) {
            end("No Local on a shared subscription (MQTT 5 §3.8.3.1)", ReasonCodes.PROTOCOL_ERROR);
            return;
        }
        int[] codes = new int[requests.size()];
        List<Runnable> retainedToSend = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            codes[i] = subscribeOne(requests.get(i), i, subscriptionId == null ? 0 : subscriptionId, retainedToSend);
        }
        MqttFixedHeader header = new MqttFixedHeader(MqttMessageType.SUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0);
        ctx.writeAndFlush(new MqttSubAckMessage(
                header,
                new MqttMessageIdAndPropertiesVariableHeader(
                        subscribe.idAndPropertiesVariableHeader().messageId(), MqttProperties.NO_PROPERTIES),
                new MqttSubAckPayload(codes)));
        retainedToSend.forEach(Runnable::run);
        List<String> granted = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (codes[i] <= 2) {
                granted.add(requests.get(i).topicFilter());
            }
        }
        broker.subscriptionsChanged(client, "subscribed", granted);
    }

    private int subscribeOne(
            MqttTopicSubscription request, int index, int subscriptionId, List<Runnable> retainedToSend) {
        String filter = request.topicFilter();
        BrokerLimits limits = broker.limits();
        if (index >= limits.maxSubscriptionsPerSubscribe()) {
            return refusedSubscription(
                    filter,
                    "more than " + limits.maxSubscriptionsPerSubscribe() + " filters in one SUBSCRIBE",
                    ReasonCodes.QUOTA_EXCEEDED);
        }
        Optional<String> problem = topicRules.checkSubscription(filter);
        if (problem.isPresent()) {
            return refusedSubscription(filter, problem.get(), ReasonCodes.TOPIC_FILTER_INVALID);
        }
        if (guard != null) {
            Decision decision = guard.check(IotAction.SUBSCRIBE, filter);
            if (!decision.allowed()) {
                session.countAuthorizationFailure();
                broker.authorizationFailedAfterConnect(client.clientId());
                return refusedSubscription(
                        filter, "not authorized: " + decision.explanation(), ReasonCodes.NOT_AUTHORIZED);
            }
        }
        int granted = Math.min(profile.maximumQos(), request.qualityOfService().value());
        boolean isNew = !session.hasSubscription(filter);
        if (!session.addSubscription(
                filter, grant(request, granted, subscriptionId), limits.maxSubscriptionsPerConnection())) {
            return refusedSubscription(
                    filter,
                    "more than " + limits.maxSubscriptionsPerConnection() + " subscriptions on one connection",
                    ReasonCodes.QUOTA_EXCEEDED);
        }
        broker.router().subscribe(filter, session, granted);
        RetainedHandlingPolicy retainHandling = request.option().retainHandling();
        // a shared subscription gets no retained messages (MQTT 5 §4.8.2)
        boolean sendRetained = !MessageRouter.isShared(filter)
                && (retainHandling == RetainedHandlingPolicy.SEND_AT_SUBSCRIBE
                        || (retainHandling == RetainedHandlingPolicy.SEND_AT_SUBSCRIBE_IF_NOT_YET_EXISTS && isNew));
        if (sendRetained) {
            for (PublishedMessage retained :
                    broker.router().retained().matching(filter, broker.clock().millis())) {
                retainedToSend.add(() -> session.deliver(retained, granted));
            }
        }
        return granted;
    }

    private Session.Grant grant(MqttTopicSubscription request, int granted, int subscriptionId) {
        boolean options = mqtt5 && profile.honoursNoLocalAndRetainAsPublished();
        return new Session.Grant(
                granted,
                subscriptionId,
                options && request.option().isNoLocal(),
                options && request.option().isRetainAsPublished());
    }

    private int refusedSubscription(String filter, String problem, byte reason) {
        log.info("{} cannot subscribe to {}: {}", client.clientId(), filter, problem);
        return mqtt5 ? Byte.toUnsignedInt(reason) : MqttQoS.FAILURE.value();
    }

    private void onUnsubscribe(MqttUnsubscribeMessage unsubscribe) {
        List<Short> codes = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String filter : unsubscribe.payload().topics()) {
            boolean existed = session.removeSubscription(filter);
            broker.router().unsubscribe(filter, session);
            codes.add(existed ? 0 : (short) ReasonCodes.NO_SUBSCRIPTION_EXISTED);
            if (existed) {
                removed.add(filter);
            }
        }
        broker.subscriptionsChanged(client, "unsubscribed", removed);
        int packetId = unsubscribe.idAndPropertiesVariableHeader().messageId();
        MqttUnsubAckMessage unsuback = mqtt5
                ? MqttMessageBuilders.unsubAck()
                        .packetId(packetId)
                        .addReasonCodes(codes.toArray(Short[]::new))
                        .build()
                : new MqttUnsubAckMessage(
                        new MqttFixedHeader(MqttMessageType.UNSUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                        MqttMessageIdVariableHeader.from(packetId));
        ctx.writeAndFlush(unsuback);
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
            refuse(MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION, "unknown protocol version");
        } else if (session == null && cause instanceof MqttIdentifierRejectedException) {
            refuse(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED, "invalid client identifier");
        } else if (cause instanceof TooLongFrameException) {
            end("packet too large: " + cause.getMessage(), ReasonCodes.PACKET_TOO_LARGE);
        } else {
            end("malformed packet: " + cause.getMessage(), ReasonCodes.MALFORMED_PACKET);
        }
    }

    /** Ends the connection for a broken rule: MQTT 5 clients are told why with DISCONNECT, 3.1.1 ones are closed. */
    private void end(String why, byte reason) {
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

    // --- Outbound: called by the session, from any thread

    @Override
    public void send(PublishedMessage message, int packetId, boolean duplicate, int[] subscriptionIds) {
        if (connackSent && outgoing.isEmpty() && ctx.executor().inEventLoop()) {
            // published on this connection's own loop: write now, flush once when the loop is done with its reads
            ctx.write(PublishCodec.write(message, packetId, duplicate, mqtt5, subscriptionIds), ctx.voidPromise());
            if (!flushScheduled) {
                flushScheduled = true;
                ctx.executor().execute(this::flushWritten);
            }
            return;
        }
        outgoing.add(new Outgoing(message, packetId, duplicate, subscriptionIds));
        if (drainScheduled.compareAndSet(false, true)) {
            ctx.executor().execute(this::drainOutgoing);
        }
    }

    @Override
    public void sendRelease(int packetId) {
        MqttMessage release = Qos2Packets.pubRel(packetId, mqtt5, ReasonCodes.SUCCESS, null);
        if (connackSent && outgoing.isEmpty() && ctx.executor().inEventLoop()) {
            ctx.write(release, ctx.voidPromise());
            if (!flushScheduled) {
                flushScheduled = true;
                ctx.executor().execute(this::flushWritten);
            }
            return;
        }
        outgoing.add(new Outgoing(null, packetId, false, null));
        if (drainScheduled.compareAndSet(false, true)) {
            ctx.executor().execute(this::drainOutgoing);
        }
    }

    private void flushWritten() {
        flushScheduled = false;
        ctx.flush();
    }

    /** On the event loop: writes every queued delivery, then flushes once. Waits for CONNACK to go first. */
    private void drainOutgoing() {
        drainScheduled.set(false);
        if (!connackSent) {
            return;
        }
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

    @Override
    public boolean fits(PublishedMessage message) {
        long maximum = clientMaximumPacketSize;
        return maximum == 0 || PublishCodec.encodedSizeAtMost(message, mqtt5) <= maximum;
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
    public boolean isWritable() {
        return ctx.channel().isWritable();
    }

    @Override
    public void takenOver() {
        ctx.executor()
                .execute(() -> end(
                        "session taken over by a new connection with the same client id",
                        ReasonCodes.SESSION_TAKEN_OVER));
    }

    private String remoteAddress() {
        return String.valueOf(ctx.channel().remoteAddress());
    }
}
