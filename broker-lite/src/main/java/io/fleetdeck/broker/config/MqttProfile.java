package io.fleetdeck.broker.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Which rules the broker applies where MQTT leaves a choice or AWS IoT Core sets a stricter one. Both listeners (TLS
 * and plain loopback) follow the one profile the broker was started with; certificates and policies stay on the TLS
 * listener in both. Immutable.
 *
 * <ul>
 *   <li>{@link #AWS}: AWS IoT Core's rules (AWS-IOT-BEHAVIOUR §0.1, §9): QoS 0 and 1 only (a QoS 2 PUBLISH ends the
 *       connection with 0x9B), keep-alive clamped to 30–1200 s, topics of at most 256 bytes and 7 slashes, payloads of
 *       at most 128 KB, of the {@code $} topics only {@code $aws/...}.
 *   <li>{@link #STANDARD}: MQTT 3.1.1 and 5 as written, as Mosquitto does it: QoS 2 end to end, the keep-alive the
 *       client asked for, topics up to 65,535 bytes at any depth, packets up to MQTT's maximum, and any {@code $}
 *       topic except publishing into {@code $SYS/} (the broker's own) and {@code $share/} (a subscription prefix).
 * </ul>
 */
public enum MqttProfile {
    AWS(1, false),
    STANDARD(2, true);

    /** MQTT's largest packet, the most a Remaining Length can say plus its header (MQTT 3.1.1 §2.2.3, MQTT 5 §1.5.5). */
    public static final int MQTT_MAX_PACKET_BYTES = 268_435_455;
    /** A UTF-8 string's most bytes: topics and client ids are such strings (MQTT 3.1.1 §1.5.3, MQTT 5 §1.5.4). */
    public static final int MQTT_MAX_STRING_BYTES = 65_535;

    private final int maximumQos;
    private final boolean mqttAsWritten;

    MqttProfile(int maximumQos, boolean mqttAsWritten) {
        this.maximumQos = maximumQos;
        this.mqttAsWritten = mqttAsWritten;
    }

    /** The profile named on the command line ({@code aws} or {@code standard}), or empty for another name. */
    public static Optional<MqttProfile> named(String name) {
        for (MqttProfile profile : values()) {
            if (profile.cliName().equals(name)) {
                return Optional.of(profile);
            }
        }
        return Optional.empty();
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The highest QoS a client may publish with or be granted: 1 on AWS, 2 in standard MQTT. */
    public int maximumQos() {
        return maximumQos;
    }

    public boolean supportsQos2() {
        return maximumQos == 2;
    }

    /** The limits the broker enforces under this profile, from the configured ones (AWS's by default). */
    public BrokerLimits limits(BrokerLimits configured) {
        return mqttAsWritten ? configured.liftedToMqtt(MQTT_MAX_PACKET_BYTES, MQTT_MAX_STRING_BYTES) : configured;
    }

    /**
     * The keep-alive the broker holds a client to: AWS clamps it to 30–1200 s and turns 0 into 1200 s; standard MQTT
     * honours what was asked, 0 meaning no keep-alive at all (MQTT 3.1.1 §3.1.2.10, MQTT 5 §3.1.2.10).
     */
    public int keepAliveSeconds(int requestedSeconds, BrokerLimits limits) {
        return mqttAsWritten ? requestedSeconds : limits.clampKeepAlive(requestedSeconds);
    }

    /**
     * Whether a client may use this {@code $} topic name or filter. MQTT reserves {@code $} topics for the server's
     * use without saying which (MQTT 3.1.1 §4.7.2): AWS lets clients use only {@code $aws/...}; standard lets them use
     * any, as Mosquitto does, except publishing into the broker's {@code $SYS/} or to a {@code $share/} name.
     */
    public Optional<String> reservedTopicProblem(String topic, boolean publishing) {
        if (!topic.startsWith("$") || topic.startsWith("$aws/")) {
            return Optional.empty();
        }
        if (!mqttAsWritten) {
            return Optional.of("topics starting with $ are reserved; only $aws/... may be used");
        }
        if (publishing && (topic.equals("$SYS") || topic.startsWith("$SYS/"))) {
            return Optional.of("$SYS/ topics are the broker's own; clients may subscribe to them, not publish");
        }
        if (publishing && topic.startsWith("$share/")) {
            return Optional.of("$share/ names shared subscriptions; it is no topic to publish to");
        }
        return Optional.empty();
    }

    /** Whether a message on {@code topic} may be retained: AWS keeps none on its reserved topics (§0.1). */
    public boolean mayRetainOn(String topic) {
        return mqttAsWritten ? !topic.startsWith("$aws/") : !topic.startsWith("$");
    }

    /**
     * Whether MQTT 5's No Local and Retain As Published subscription options are honoured (MQTT 5 §3.8.3.1); under
     * AWS's rules, as before, every live delivery carries retain=false and a client gets its own messages.
     */
    public boolean honoursNoLocalAndRetainAsPublished() {
        return mqttAsWritten;
    }

    /**
     * Whether what an MQTT 5 client asks of the broker in CONNECT is honoured: a message larger than its Maximum Packet
     * Size is discarded rather than sent (MQTT 5 §3.1.2.11.4), and with Request Problem Information 0 its
     * acknowledgements carry no Reason String (§3.1.2.11.7). Under AWS's rules, as before, neither is looked at.
     */
    public boolean honoursClientPreferences() {
        return mqttAsWritten;
    }

    /** Whether client ids starting with {@code $} are refused: AWS reserves them; MQTT does not. */
    public boolean reservesDollarClientIds() {
        return !mqttAsWritten;
    }
}
