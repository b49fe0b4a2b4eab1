package io.fleetdeck.broker.server;

import io.fleetdeck.broker.auth.ConnectionGuard;
import io.fleetdeck.broker.config.MqttProfile;
import io.fleetdeck.broker.policy.Decision;
import io.fleetdeck.broker.policy.IotAction;
import io.fleetdeck.broker.protocol.PublishCodec;
import io.fleetdeck.broker.protocol.Qos2Packets;
import io.fleetdeck.broker.protocol.ReasonCodes;
import io.fleetdeck.broker.protocol.TopicRules;
import io.fleetdeck.broker.session.Session;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubAckMessage;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PUBLISHes a client sends on one connection, and the client's half of QoS 2 handed to {@link Qos2Exchanges}: the
 * topic or its MQTT 5 alias, the topic rules, iot:Publish, the publish rate, then routing and the acknowledgement. A
 * broken rule ends the connection through {@link MqttConnection#end}. Owned by the connection's event loop, like the
 * connection. Every message a client publishes passes here: keep lambdas, locks and extra allocations off this path.
 */
final class InboundPublishes {

    /* the connection's logger, as before the connection was split: log settings and log lines stay as they were */
    private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);

    /* A PUBACK with success and no properties has the same form in MQTT 3.1.1 and 5 (MQTT 5 §3.4.2.1). */
    private static final MqttFixedHeader PUBACK_HEADER =
            new MqttFixedHeader(MqttMessageType.PUBACK, false, MqttQoS.AT_MOST_ONCE, false, 2);

    private final MqttConnection connection;
    private final MessageBroker broker;
    private final MqttProfile profile;
    private final TopicRules topicRules;
    private final Map<Integer, String> topicAliases = new HashMap<>();
    /* the QoS 2 exchanges of this connection's session; made on first use, in the standard profile only */
    private @Nullable Qos2Exchanges qos2;

    InboundPublishes(MqttConnection connection, MessageBroker broker) {
        this.connection = connection;
        this.broker = broker;
        this.profile = broker.profile();
        this.topicRules = broker.topicRules();
    }

    void onPublish(MqttPublishMessage publish) {
        MqttQoS qos = publish.fixedHeader().qosLevel();
        int packetId = publish.variableHeader().packetId();
        if (qos == MqttQoS.EXACTLY_ONCE && !profile.supportsQos2()) {
            connection.end(
                    "a QoS 2 publish; the broker supports QoS 0 and 1, as AWS does", ReasonCodes.QOS_NOT_SUPPORTED);
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
        ConnectionGuard publishGuard = connection.guard();
        if (publishGuard != null
                && !mayPublish(publishGuard, topic, publish.fixedHeader().isRetain(), qos, packetId)) {
            return;
        }
        Session session = connection.session();
        if (!session.admitInbound()) {
            throttled(topic, qos, packetId);
            return;
        }
        session.countReceived(publish.payload().readableBytes());
        broker.heardFrom(connection.client().clientId());
        broker.route(PublishCodec.read(publish, topic, connection.client().clientId()));
        if (qos == MqttQoS.AT_LEAST_ONCE) {
            connection
                    .ctx()
                    .writeAndFlush(new MqttPubAckMessage(PUBACK_HEADER, MqttMessageIdVariableHeader.from(packetId)));
        } else if (qos == MqttQoS.EXACTLY_ONCE) {
            received(packetId);
        }
    }

    // --- QoS 2 (standard profile): MQTT 3.1.1 §4.3.3, MQTT 5 §4.3.3, in Qos2Exchanges

    private Qos2Exchanges qos2() {
        if (qos2 == null) {
            qos2 = new Qos2Exchanges(
                    connection.ctx(),
                    connection.session(),
                    connection.mqtt5(),
                    connection.reasonStrings(),
                    broker.limits().inflightPerSession());
        }
        return qos2;
    }

    private boolean admitQos2(int packetId) {
        return switch (qos2().admit(packetId)) {
            case NEW -> true;
            case DUPLICATE -> false;
            case OVER_RECEIVE_MAXIMUM -> {
                connection.end(
                        "more than " + qos2().receiveMaximum() + " QoS 2 publishes awaiting PUBREL",
                        ReasonCodes.RECEIVE_MAXIMUM_EXCEEDED);
                yield false;
            }
        };
    }

    private void received(int packetId) {
        qos2().received(packetId);
    }

    /** PUBREC, PUBREL or PUBCOMP from the client. */
    void onQos2Reply(MqttMessage reply) {
        if (!profile.supportsQos2()) {
            connection.end("unsupported packet " + reply.fixedHeader().messageType(), ReasonCodes.PROTOCOL_ERROR);
            return;
        }
        qos2().onReply(reply);
    }

    /** MQTT 5 topic aliases (§3.3.2.3.4): an alias with a topic sets it, an alias alone stands for it. */
    private @Nullable String resolveTopic(MqttPublishMessage publish) {
        String topic = publish.variableHeader().topicName();
        Integer alias = connection.mqtt5()
                ? PublishCodec.topicAlias(publish.variableHeader().properties())
                : null;
        if (alias == null) {
            return topic;
        }
        if (alias < 1 || alias > broker.limits().topicAliasMaximum()) {
            connection.end(
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
            connection.end("topic alias " + alias + " used before it was set", ReasonCodes.PROTOCOL_ERROR);
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
        connection.session().countAuthorizationFailure();
        String clientId = connection.client().clientId();
        broker.authorizationFailedAfterConnect(clientId);
        String why = "not authorized to publish to " + topic + ": " + decision.explanation();
        if (connection.mqtt5() && qos != MqttQoS.AT_MOST_ONCE) {
            log.info("{}: {}", clientId, why);
            connection.ctx().writeAndFlush(refusedPublishReply(qos, packetId, ReasonCodes.NOT_AUTHORIZED, why));
        } else {
            connection.end(why, ReasonCodes.NOT_AUTHORIZED);
        }
        return false;
    }

    /**
     * Over the publish rate the message is discarded, as AWS does; a QoS 1 publish is still acknowledged (on MQTT 5
     * with Quota exceeded) so the client's window never stalls on it.
     */
    private void throttled(String topic, MqttQoS qos, int packetId) {
        log.debug(
                "{} passed its publish rate; discarded a publish to {}",
                connection.client().clientId(),
                topic);
        if (qos == MqttQoS.AT_MOST_ONCE) {
            return;
        }
        if (connection.mqtt5()) {
            connection
                    .ctx()
                    .writeAndFlush(
                            refusedPublishReply(qos, packetId, ReasonCodes.QUOTA_EXCEEDED, "publish rate exceeded"));
        } else if (qos == MqttQoS.EXACTLY_ONCE) {
            received(packetId);
        } else {
            connection
                    .ctx()
                    .writeAndFlush(new MqttPubAckMessage(PUBACK_HEADER, MqttMessageIdVariableHeader.from(packetId)));
        }
    }

    private void rejectPublish(String topic, MqttQoS qos, int packetId, String problem, byte reason) {
        log.info("{} published to {}: {}", connection.client().clientId(), topic, problem);
        if (connection.mqtt5() && qos != MqttQoS.AT_MOST_ONCE) {
            connection.ctx().writeAndFlush(refusedPublishReply(qos, packetId, reason, problem));
        } else {
            // MQTT 3.1.1 has no way to refuse one publish: the connection is closed (§4.8, AWS-IOT-BEHAVIOUR §0.1)
            connection.end("publish to " + topic + ": " + problem, reason);
        }
    }

    /**
     * MQTT 5's answer to a publish the broker will not deliver: PUBACK for QoS 1, PUBREC for QoS 2, with the reason;
     * a PUBREC of 0x80 or more ends the QoS 2 exchange, so no packet id is kept (MQTT 5 §4.3.3).
     */
    private MqttMessage refusedPublishReply(MqttQoS qos, int packetId, byte reason, String why) {
        boolean reasonStrings = connection.reasonStrings();
        if (qos == MqttQoS.EXACTLY_ONCE) {
            return Qos2Packets.pubRec(packetId, true, reason, reasonStrings ? why : null);
        }
        return MqttMessageBuilders.pubAck()
                .packetId(packetId)
                .reasonCode(reason)
                .properties(reasonStrings ? ReasonCodes.reasonString(why) : MqttProperties.NO_PROPERTIES)
                .build();
    }
}
