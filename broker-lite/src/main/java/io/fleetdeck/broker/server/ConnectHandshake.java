package io.fleetdeck.broker.server;

import io.fleetdeck.broker.ClientConnection;
import io.fleetdeck.broker.PublishedMessage;
import io.fleetdeck.broker.auth.ClientAuthority;
import io.fleetdeck.broker.auth.ConnectionGuard;
import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.config.MqttProfile;
import io.fleetdeck.broker.policy.Decision;
import io.fleetdeck.broker.policy.IotAction;
import io.fleetdeck.broker.protocol.PublishCodec;
import io.fleetdeck.broker.protocol.ReasonCodes;
import io.fleetdeck.broker.protocol.TopicRules;
import io.fleetdeck.broker.session.SessionStore;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's CONNECT (MQTT 3.1.1 §3.1, MQTT 5 §3.1): the client id, the certificate and the policies, the will,
 * the keep-alive and the session, answered with CONNACK; or a CONNACK that refuses, and the connection closed. What it
 * agrees becomes the {@link MqttConnection}'s state. Owned by the connection's event loop, like the connection.
 */
final class ConnectHandshake {

    /* the connection's logger, as before the connection was split: log settings and log lines stay as they were */
    private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);

    private final MqttConnection connection;
    private final MessageBroker broker;
    private final MqttProfile profile;
    private final TopicRules topicRules;
    /* null on the loopback listener for tools, and in protocol tests: no certificate, no policies */
    private final @Nullable ClientAuthority authority;

    ConnectHandshake(MqttConnection connection, MessageBroker broker, @Nullable ClientAuthority authority) {
        this.connection = connection;
        this.broker = broker;
        this.profile = broker.profile();
        this.topicRules = broker.topicRules();
        this.authority = authority;
    }

    /** A CONNECT while the connection has no session; {@link MqttConnection} ends one that comes after it. */
    void onConnect(MqttConnectMessage connect) {
        int version = connect.variableHeader().version();
        connection.protocolLevel(version);
        boolean mqtt5 = version == 5;
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
        connection.admitting(clientId);
        ClientAuthority clientAuthority = authority;
        if (clientAuthority != null && !admitted(clientAuthority, clientId)) {
            return;
        }
        if (connect.variableHeader().isWillFlag() && !acceptWill(connect, clientId)) {
            return;
        }
        ChannelHandlerContext ctx = connection.ctx();
        int keepAlive = profile.keepAliveSeconds(connect.variableHeader().keepAliveTimeSeconds(), limits);
        if (keepAlive > 0) { // 0 turns keep-alive off, where the profile honours it (MQTT 3.1.1 §3.1.2.10)
            ctx.pipeline()
                    .addBefore(
                            ctx.name(),
                            "keep-alive",
                            new IdleStateHandler(keepAlive * 1500L, 0, 0, TimeUnit.MILLISECONDS));
        }

        MqttProperties requested = connect.variableHeader().properties();
        ConnectTerms terms = new ConnectTerms(profile, limits, mqtt5, requested);
        long expiry = terms.sessionExpiry(connect.variableHeader().isCleanSession());
        broker.wills().reconnected(clientId, connect.variableHeader().isCleanSession());
        Integer receiveMaximum = PublishCodec.integerProperty(requested, MqttPropertyType.RECEIVE_MAXIMUM);
        connection.agreed(expiry, terms.clientMaximumPacketSize(), terms.reasonStringsWanted());
        ConnectionGuard guard = connection.guard();
        SessionStore.Opened opened = broker.sessions()
                .open(
                        clientId,
                        guard == null
                                ? SessionStore.NO_PRINCIPAL
                                : Objects.requireNonNullElse(guard.certificateId(), SessionStore.NO_PRINCIPAL),
                        connect.variableHeader().isCleanSession(),
                        expiry,
                        receiveMaximum == null ? 65535 : receiveMaximum,
                        connection);
        ClientConnection client = new ClientConnection(
                clientId,
                connection.remoteAddress(),
                version,
                broker.clock().instant(),
                guard == null ? null : guard.certificateId(),
                UUID.randomUUID().toString().replace("-", ""));
        connection.opened(opened.session(), client);

        MqttProperties granted = mqtt5
                ? terms.connackProperties(
                        connect.variableHeader().keepAliveTimeSeconds(),
                        keepAlive,
                        expiry,
                        assignedId ? clientId : null)
                : MqttProperties.NO_PROPERTIES;
        MqttConnAckMessage connack = MqttMessageBuilders.connAck()
                .returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
                .sessionPresent(opened.present())
                .properties(granted)
                .build();
        ctx.writeAndFlush(connack);
        connection.connackWritten();
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
            refuseUnauthorized(clientId, "no client certificate");
            return false;
        }
        ConnectionGuard admitted = ConnectionGuard.admit(clientAuthority, certificate, clientId, remoteIp());
        connection.guardedBy(admitted);
        String refusal = admitted.refusal();
        if (refusal != null) {
            refuseUnauthorized(clientId, refusal);
            return false;
        }
        Decision connect = admitted.check(IotAction.CONNECT, clientId);
        if (!connect.allowed()) {
            refuseUnauthorized(clientId, "client id " + clientId + " may not connect: " + connect.explanation());
            return false;
        }
        return true;
    }

    private void refuseUnauthorized(String clientId, String why) {
        broker.authorizationFailed(clientId);
        refuse(
                connection.mqtt5()
                        ? MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5
                        : MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED,
                why);
    }

    private @Nullable X509Certificate peerCertificate() {
        SslHandler tls = connection.ctx().pipeline().get(SslHandler.class);
        try {
            return tls != null && tls.engine().getSession().getPeerCertificates()[0] instanceof X509Certificate x509
                    ? x509
                    : null;
        } catch (SSLPeerUnverifiedException none) {
            return null;
        }
    }

    private @Nullable String remoteIp() {
        return connection.ctx().channel().remoteAddress() instanceof InetSocketAddress address
                        && address.getAddress() != null
                ? address.getAddress().getHostAddress()
                : null;
    }

    private Optional<String> checkClientId(String clientId, boolean cleanSession) {
        if (clientId.isEmpty() && !cleanSession && !connection.mqtt5()) {
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

    private boolean acceptWill(MqttConnectMessage connect, String clientId) {
        boolean mqtt5 = connection.mqtt5();
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
        PublishedMessage will = new PublishedMessage(
                topic,
                connect.payload().willMessageInBytes(),
                Math.min(profile.maximumQos(), connect.variableHeader().willQos()),
                connect.variableHeader().isWillRetain(),
                clientId,
                mqtt5 ? PublishCodec.readProperties(willProperties) : PublishedMessage.MessageProperties.NONE);
        Integer delay =
                mqtt5 ? PublishCodec.integerProperty(willProperties, MqttPropertyType.WILL_DELAY_INTERVAL) : null;
        connection.willOnEnd(will, delay == null ? 0 : Integer.toUnsignedLong(delay));
        return true;
    }

    /** Answers a CONNECT the broker will not take: a CONNACK with the reason, then the connection closes. */
    void refuse(MqttConnectReturnCode code, String why) {
        connection.refused(why);
        log.info("Refused a connection from {}: {}", connection.remoteAddress(), why);
        MqttConnAckMessage connack = MqttMessageBuilders.connAck()
                .returnCode(code)
                .sessionPresent(false)
                .properties(connection.mqtt5() ? ReasonCodes.reasonString(why) : MqttProperties.NO_PROPERTIES)
                .build();
        connection.ctx().writeAndFlush(connack).addListener(ChannelFutureListener.CLOSE);
    }
}
