package io.fleetdeck.broker.server;

import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.config.MqttProfile;
import io.fleetdeck.broker.protocol.PublishCodec;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.IntegerProperty;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttProperties.StringProperty;
import org.jspecify.annotations.Nullable;

/**
 * What the broker grants a client at CONNECT, from the properties an MQTT 5 client asked for, the profile's rules and
 * the broker's limits: the session expiry, which of the client's own preferences it honours, and the CONNACK
 * properties that tell the client. Made for one CONNECT, on the connection's event loop.
 */
final class ConnectTerms {

    private final MqttProfile profile;
    private final BrokerLimits limits;
    private final boolean mqtt5;
    private final MqttProperties requested;

    ConnectTerms(MqttProfile profile, BrokerLimits limits, boolean mqtt5, MqttProperties requested) {
        this.profile = profile;
        this.limits = limits;
        this.mqtt5 = mqtt5;
        this.requested = requested;
    }

    long sessionExpiry(boolean cleanSession) {
        long maxExpiry = limits.sessionExpiry().toSeconds();
        if (!mqtt5) {
            return cleanSession ? 0 : maxExpiry;
        }
        Integer asked = PublishCodec.integerProperty(requested, MqttPropertyType.SESSION_EXPIRY_INTERVAL);
        return asked == null ? 0 : Math.min(Integer.toUnsignedLong(asked), maxExpiry);
    }

    long clientMaximumPacketSize() {
        Integer asked = mqtt5 && profile.honoursClientPreferences()
                ? PublishCodec.integerProperty(requested, MqttPropertyType.MAXIMUM_PACKET_SIZE)
                : null;
        return asked == null ? 0 : Integer.toUnsignedLong(asked);
    }

    /**
     * Request Problem Information 0: no Reason String on acknowledgements, only on CONNACK and DISCONNECT (MQTT 5
     * §3.1.2.11.7). Under AWS's rules, as before, acknowledgements always say why.
     */
    boolean reasonStringsWanted() {
        Integer asked = mqtt5 && profile.honoursClientPreferences()
                ? PublishCodec.integerProperty(requested, MqttPropertyType.REQUEST_PROBLEM_INFORMATION)
                : null;
        return asked == null || asked != 0;
    }

    MqttProperties connackProperties(
            int askedKeepAlive, int keepAlive, long expiry, @Nullable String assignedClientId) {
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
}
