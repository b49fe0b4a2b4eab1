package io.fleetdeck.broker.protocol;

import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import org.jspecify.annotations.Nullable;

/**
 * The three packets of QoS 2's second half, PUBREC, PUBREL and PUBCOMP (MQTT 3.1.1 §3.5–3.7, MQTT 5 §3.5–3.7). On MQTT
 * 5 they carry a reason code and, when it is not success, a Reason String; the encoder leaves both out for success
 * without properties, so the packet is the same two bytes as in 3.1.1 (MQTT 5 §3.5.2.1).
 */
public final class Qos2Packets {

    /* PUBREL's fixed header has the flags 0010, which Netty writes as QoS 1 (MQTT 3.1.1 §3.6.1) */
    private static final MqttFixedHeader PUBREC =
            new MqttFixedHeader(MqttMessageType.PUBREC, false, MqttQoS.AT_MOST_ONCE, false, 2);
    private static final MqttFixedHeader PUBREL =
            new MqttFixedHeader(MqttMessageType.PUBREL, false, MqttQoS.AT_LEAST_ONCE, false, 2);
    private static final MqttFixedHeader PUBCOMP =
            new MqttFixedHeader(MqttMessageType.PUBCOMP, false, MqttQoS.AT_MOST_ONCE, false, 2);

    private Qos2Packets() {}

    public static MqttMessage pubRec(int packetId, boolean mqtt5, byte reason, @Nullable String why) {
        return reply(PUBREC, packetId, mqtt5, reason, why);
    }

    public static MqttMessage pubRel(int packetId, boolean mqtt5, byte reason, @Nullable String why) {
        return reply(PUBREL, packetId, mqtt5, reason, why);
    }

    public static MqttMessage pubComp(int packetId, boolean mqtt5, byte reason, @Nullable String why) {
        return reply(PUBCOMP, packetId, mqtt5, reason, why);
    }

    /** The reason code of a PUBREC, PUBREL or PUBCOMP a client sent: success when it has none (MQTT 5 §3.5.2.1). */
    public static byte reasonCode(MqttMessage reply) {
        return reply.variableHeader() instanceof MqttPubReplyMessageVariableHeader header
                ? header.reasonCode()
                : ReasonCodes.SUCCESS;
    }

    public static int packetId(MqttMessage reply) {
        return ((MqttMessageIdVariableHeader) reply.variableHeader()).messageId();
    }

    private static MqttMessage reply(
            MqttFixedHeader header, int packetId, boolean mqtt5, byte reason, @Nullable String why) {
        if (!mqtt5 || reason == ReasonCodes.SUCCESS) {
            return new MqttMessage(header, MqttMessageIdVariableHeader.from(packetId));
        }
        MqttProperties properties = why == null ? MqttProperties.NO_PROPERTIES : ReasonCodes.reasonString(why);
        return new MqttMessage(header, new MqttPubReplyMessageVariableHeader(packetId, reason, properties));
    }
}
