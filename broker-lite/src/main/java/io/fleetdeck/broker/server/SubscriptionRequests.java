package io.fleetdeck.broker.server;

import io.fleetdeck.broker.PublishedMessage;
import io.fleetdeck.broker.auth.ConnectionGuard;
import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.config.MqttProfile;
import io.fleetdeck.broker.policy.Decision;
import io.fleetdeck.broker.policy.IotAction;
import io.fleetdeck.broker.protocol.PublishCodec;
import io.fleetdeck.broker.protocol.ReasonCodes;
import io.fleetdeck.broker.protocol.TopicRules;
import io.fleetdeck.broker.routing.MessageRouter;
import io.fleetdeck.broker.session.Session;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption.RetainedHandlingPolicy;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SUBSCRIBE and UNSUBSCRIBE on one connection (MQTT 3.1.1 §3.8, §3.10, MQTT 5 §3.8, §3.10): each filter checked
 * against the topic rules, the limits and iot:Subscribe, granted in the session and the router, answered with one
 * code per filter, and the retained messages sent after SUBACK. Owned by the connection's event loop, like the
 * connection.
 */
final class SubscriptionRequests {

    /* the connection's logger, as before the connection was split: log settings and log lines stay as they were */
    private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);

    private final MqttConnection connection;
    private final MessageBroker broker;
    private final MqttProfile profile;
    private final TopicRules topicRules;

    SubscriptionRequests(MqttConnection connection, MessageBroker broker) {
        this.connection = connection;
        this.broker = broker;
        this.profile = broker.profile();
        this.topicRules = broker.topicRules();
    }

    void onSubscribe(MqttSubscribeMessage subscribe) {
        boolean mqtt5 = connection.mqtt5();
        List<MqttTopicSubscription> requests = subscribe.payload().topicSubscriptions();
        Integer subscriptionId = mqtt5
                ? PublishCodec.integerProperty(
                        subscribe.idAndPropertiesVariableHeader().properties(),
                        MqttPropertyType.SUBSCRIPTION_IDENTIFIER)
                : null;
        if (subscriptionId != null && subscriptionId == 0) {
            connection.end("a Subscription Identifier of 0 (MQTT 5 §3.8.2.1.2)", ReasonCodes.PROTOCOL_ERROR);
            return;
        }
        if (mqtt5
                && profile.honoursNoLocalAndRetainAsPublished()
                && requests.stream()
                        .anyMatch(request ->
                                request.option().isNoLocal() && MessageRouter.isShared(request.topicFilter()))) {
            connection.end("No Local on a shared subscription (MQTT 5 §3.8.3.1)", ReasonCodes.PROTOCOL_ERROR);
            return;
        }
        int[] codes = new int[requests.size()];
        List<Runnable> retainedToSend = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            codes[i] = subscribeOne(requests.get(i), i, subscriptionId == null ? 0 : subscriptionId, retainedToSend);
        }
        MqttFixedHeader header = new MqttFixedHeader(MqttMessageType.SUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0);
        connection
                .ctx()
                .writeAndFlush(new MqttSubAckMessage(
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
        broker.subscriptionsChanged(connection.client(), "subscribed", granted);
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
        Session session = connection.session();
        ConnectionGuard guard = connection.guard();
        if (guard != null) {
            Decision decision = guard.check(IotAction.SUBSCRIBE, filter);
            if (!decision.allowed()) {
                session.countAuthorizationFailure();
                broker.authorizationFailedAfterConnect(connection.client().clientId());
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
        boolean options = connection.mqtt5() && profile.honoursNoLocalAndRetainAsPublished();
        return new Session.Grant(
                granted,
                subscriptionId,
                options && request.option().isNoLocal(),
                options && request.option().isRetainAsPublished());
    }

    private int refusedSubscription(String filter, String problem, byte reason) {
        log.info("{} cannot subscribe to {}: {}", connection.client().clientId(), filter, problem);
        return connection.mqtt5() ? Byte.toUnsignedInt(reason) : MqttQoS.FAILURE.value();
    }

    void onUnsubscribe(MqttUnsubscribeMessage unsubscribe) {
        Session session = connection.session();
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
        broker.subscriptionsChanged(connection.client(), "unsubscribed", removed);
        int packetId = unsubscribe.idAndPropertiesVariableHeader().messageId();
        MqttUnsubAckMessage unsuback = connection.mqtt5()
                ? MqttMessageBuilders.unsubAck()
                        .packetId(packetId)
                        .addReasonCodes(codes.toArray(Short[]::new))
                        .build()
                : new MqttUnsubAckMessage(
                        new MqttFixedHeader(MqttMessageType.UNSUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                        MqttMessageIdVariableHeader.from(packetId));
        connection.ctx().writeAndFlush(unsuback);
    }
}
