package io.fleetdeck.broker.protocol;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttProperties.StringProperty;

/** The MQTT 5 reason codes the broker sends (MQTT 5 §2.4), by the name the specification gives them. */
public final class ReasonCodes {

    public static final byte SUCCESS = 0x00;
    public static final byte NO_SUBSCRIPTION_EXISTED = 0x11;
    public static final byte DISCONNECT_WITH_WILL = 0x04;
    public static final byte MALFORMED_PACKET = (byte) 0x81;
    public static final byte PROTOCOL_ERROR = (byte) 0x82;
    public static final byte NOT_AUTHORIZED = (byte) 0x87;
    public static final byte KEEP_ALIVE_TIMEOUT = (byte) 0x8D;
    public static final byte SESSION_TAKEN_OVER = (byte) 0x8E;
    public static final byte TOPIC_FILTER_INVALID = (byte) 0x8F;
    public static final byte TOPIC_NAME_INVALID = (byte) 0x90;
    public static final byte PACKET_IDENTIFIER_NOT_FOUND = (byte) 0x92;
    public static final byte RECEIVE_MAXIMUM_EXCEEDED = (byte) 0x93;
    public static final byte TOPIC_ALIAS_INVALID = (byte) 0x94;
    public static final byte PACKET_TOO_LARGE = (byte) 0x95;
    public static final byte QUOTA_EXCEEDED = (byte) 0x97;
    public static final byte RETAIN_NOT_SUPPORTED = (byte) 0x9A;
    public static final byte QOS_NOT_SUPPORTED = (byte) 0x9B;
    public static final byte SHARED_SUBSCRIPTIONS_NOT_SUPPORTED = (byte) 0x9E;

    private ReasonCodes() {}

    /** The human-readable Reason String property (MQTT 5 §3.14.2.2.3), so a client's log says what went wrong. */
    public static MqttProperties reasonString(String why) {
        MqttProperties properties = new MqttProperties();
        properties.add(new StringProperty(MqttPropertyType.REASON_STRING.value(), why));
        return properties;
    }
}
