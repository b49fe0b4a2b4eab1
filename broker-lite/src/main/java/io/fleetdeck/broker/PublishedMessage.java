package io.fleetdeck.broker;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One application message as the broker routes it, free of wire-format types so services and tests can make and read
 * them. Immutable; the payload array is never modified after construction.
 *
 * @param senderClientId the client that published it, or null for a service inside the process
 * @param properties the MQTT 5 properties that travel with the message to MQTT 5 subscribers
 */
public record PublishedMessage(
        String topic,
        byte[] payload,
        int qos,
        boolean retain,
        @Nullable String senderClientId,
        MessageProperties properties) {

    public PublishedMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(properties, "properties");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2, was " + qos);
        }
    }

    public static PublishedMessage fromService(String topic, byte[] payload, int qos, boolean retain) {
        return new PublishedMessage(topic, payload, qos, retain, null, MessageProperties.NONE);
    }

    public PublishedMessage withQos(int newQos) {
        return newQos == qos ? this : new PublishedMessage(topic, payload, newQos, retain, senderClientId, properties);
    }

    public PublishedMessage withRetain(boolean newRetain) {
        return newRetain == retain
                ? this
                : new PublishedMessage(topic, payload, qos, newRetain, senderClientId, properties);
    }

    /**
     * This message {@code elapsedMillis} after it was published, with its MQTT 5 Message Expiry Interval counted down,
     * or null when it has expired and must not be delivered any more (MQTT 5 §3.3.2.3.3).
     */
    public @Nullable PublishedMessage aged(long elapsedMillis) {
        Long expiry = properties.messageExpirySeconds();
        if (expiry == null || elapsedMillis < 1000) {
            return expiry == null || elapsedMillis < expiry * 1000 ? this : null;
        }
        long remaining = expiry - elapsedMillis / 1000;
        if (remaining <= 0) {
            return null;
        }
        MessageProperties counted = new MessageProperties(
                properties.payloadIsUtf8(),
                remaining,
                properties.contentType(),
                properties.responseTopic(),
                properties.correlationData(),
                properties.userProperties());
        return new PublishedMessage(topic, payload, qos, retain, senderClientId, counted);
    }

    /**
     * The MQTT 5 properties a message carries end to end (MQTT 5 §3.3.2.3); topic aliases and subscription
     * identifiers belong to one connection and are not here.
     */
    public record MessageProperties(
            @Nullable Boolean payloadIsUtf8,
            @Nullable Long messageExpirySeconds,
            @Nullable String contentType,
            @Nullable String responseTopic,
            byte @Nullable [] correlationData,
            List<Map.Entry<String, String>> userProperties) {

        public static final MessageProperties NONE = new MessageProperties(null, null, null, null, null, List.of());

        public MessageProperties {
            userProperties = List.copyOf(userProperties);
        }
    }
}
