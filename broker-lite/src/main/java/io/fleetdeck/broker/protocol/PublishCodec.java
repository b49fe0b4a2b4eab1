package io.fleetdeck.broker.protocol;

import io.fleetdeck.broker.PublishedMessage;
import io.fleetdeck.broker.PublishedMessage.MessageProperties;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.BinaryProperty;
import io.netty.handler.codec.mqtt.MqttProperties.IntegerProperty;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttProperties.StringPair;
import io.netty.handler.codec.mqtt.MqttProperties.StringProperty;
import io.netty.handler.codec.mqtt.MqttProperties.UserProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Converts between Netty's PUBLISH packets and the broker's {@link PublishedMessage}, with the MQTT 5 properties. */
public final class PublishCodec {

    private PublishCodec() {}

    public static PublishedMessage read(MqttPublishMessage packet, String topic, String senderClientId) {
        MqttFixedHeader header = packet.fixedHeader();
        byte[] payload = ByteBufUtil.getBytes(packet.payload());
        return new PublishedMessage(
                topic,
                payload,
                header.qosLevel().value(),
                header.isRetain(),
                senderClientId,
                readProperties(packet.variableHeader().properties()));
    }

    /** A PUBLISH for a subscriber; MQTT 3.1.1 subscribers get no properties. */
    public static MqttPublishMessage write(
            PublishedMessage message,
            int packetId,
            boolean duplicate,
            boolean mqtt5,
            int @Nullable [] subscriptionIds) {
        MqttFixedHeader header = new MqttFixedHeader(
                MqttMessageType.PUBLISH, duplicate, MqttQoS.valueOf(message.qos()), message.retain(), 0);
        MqttProperties properties = mqtt5 ? writeProperties(message.properties()) : MqttProperties.NO_PROPERTIES;
        if (mqtt5 && subscriptionIds != null && subscriptionIds.length > 0) {
            properties = withSubscriptionIds(properties, subscriptionIds);
        }
        return new MqttPublishMessage(
                header,
                new MqttPublishVariableHeader(message.topic(), message.qos() == 0 ? -1 : packetId, properties),
                Unpooled.wrappedBuffer(message.payload()));
    }

    /**
     * The most bytes a PUBLISH of {@code message} takes on the wire, Subscription Identifiers aside: for the
     * client's Maximum Packet Size (MQTT 5 §3.1.2.11.4), without encoding it.
     */
    public static long encodedSizeAtMost(PublishedMessage message, boolean mqtt5) {
        long remaining =
                2L + TopicRules.utf8Length(message.topic()) + (message.qos() > 0 ? 2 : 0) + message.payload().length;
        if (mqtt5) {
            long properties = propertiesSize(message.properties());
            remaining += variableIntSize(properties) + properties;
        }
        return 1 + variableIntSize(remaining) + remaining;
    }

    private static long propertiesSize(MessageProperties message) {
        long size = 0;
        size += message.payloadIsUtf8() == null ? 0 : 2;
        size += message.messageExpirySeconds() == null ? 0 : 5;
        size += message.contentType() == null ? 0 : 3 + TopicRules.utf8Length(message.contentType());
        size += message.responseTopic() == null ? 0 : 3 + TopicRules.utf8Length(message.responseTopic());
        size += message.correlationData() == null ? 0 : 3 + message.correlationData().length;
        for (Map.Entry<String, String> pair : message.userProperties()) {
            size += 5 + TopicRules.utf8Length(pair.getKey()) + TopicRules.utf8Length(pair.getValue());
        }
        return size;
    }

    private static int variableIntSize(long value) {
        return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
    }

    public static MessageProperties readProperties(MqttProperties properties) {
        if (properties == null || properties.isEmpty()) {
            return MessageProperties.NONE;
        }
        Integer format = integer(properties, MqttPropertyType.PAYLOAD_FORMAT_INDICATOR);
        Integer expiry = integer(properties, MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL);
        List<Map.Entry<String, String>> user = new ArrayList<>();
        if (properties.getProperty(MqttPropertyType.USER_PROPERTY.value()) instanceof UserProperties pairs) {
            for (StringPair pair : pairs.value()) {
                user.add(Map.entry(pair.key, pair.value));
            }
        }
        return new MessageProperties(
                format == null ? null : format == 1,
                expiry == null ? null : Integer.toUnsignedLong(expiry),
                string(properties, MqttPropertyType.CONTENT_TYPE),
                string(properties, MqttPropertyType.RESPONSE_TOPIC),
                properties.getProperty(MqttPropertyType.CORRELATION_DATA.value()) instanceof BinaryProperty data
                        ? data.value()
                        : null,
                user);
    }

    static MqttProperties writeProperties(MessageProperties message) {
        if (message == MessageProperties.NONE) {
            return MqttProperties.NO_PROPERTIES;
        }
        MqttProperties properties = new MqttProperties();
        if (message.payloadIsUtf8() != null) {
            properties.add(new IntegerProperty(
                    MqttPropertyType.PAYLOAD_FORMAT_INDICATOR.value(), message.payloadIsUtf8() ? 1 : 0));
        }
        if (message.messageExpirySeconds() != null) {
            properties.add(new IntegerProperty(MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value(), (int)
                    message.messageExpirySeconds().longValue()));
        }
        if (message.contentType() != null) {
            properties.add(new StringProperty(MqttPropertyType.CONTENT_TYPE.value(), message.contentType()));
        }
        if (message.responseTopic() != null) {
            properties.add(new StringProperty(MqttPropertyType.RESPONSE_TOPIC.value(), message.responseTopic()));
        }
        if (message.correlationData() != null) {
            properties.add(new BinaryProperty(MqttPropertyType.CORRELATION_DATA.value(), message.correlationData()));
        }
        if (!message.userProperties().isEmpty()) {
            UserProperties user = new UserProperties();
            message.userProperties().forEach(entry -> user.add(entry.getKey(), entry.getValue()));
            properties.add(user);
        }
        return properties;
    }

    private static MqttProperties withSubscriptionIds(MqttProperties shared, int[] subscriptionIds) {
        MqttProperties properties = new MqttProperties();
        if (shared != MqttProperties.NO_PROPERTIES) {
            shared.listAll().forEach(properties::add);
        }
        for (int id : subscriptionIds) {
            properties.add(new IntegerProperty(MqttPropertyType.SUBSCRIPTION_IDENTIFIER.value(), id));
        }
        return properties;
    }

    static @Nullable Integer integer(MqttProperties properties, MqttPropertyType type) {
        return properties.getProperty(type.value()) instanceof IntegerProperty p ? p.value() : null;
    }

    private static @Nullable String string(MqttProperties properties, MqttPropertyType type) {
        return properties.getProperty(type.value()) instanceof StringProperty p ? p.value() : null;
    }

    public static @Nullable Integer topicAlias(MqttProperties properties) {
        return integer(properties, MqttPropertyType.TOPIC_ALIAS);
    }

    public static @Nullable Integer integerProperty(MqttProperties properties, MqttPropertyType type) {
        return integer(properties, type);
    }
}
