package io.fleetdeck.app.runtime;

import io.fleetdeck.broker.config.MqttProfile;
import io.fleetdeck.broker.tls.CaKeyType;
import java.util.Optional;

/**
 * Where the embedded broker listens: MQTT over TLS on {@code mqttsPort} on every interface (8883 by default, as AWS
 * IoT Core), and plain MQTT on loopback only when {@code mqttPort} is given. Port 0 picks a free port. With
 * {@code awsQuotas} the broker also holds clients to AWS IoT Core's rates (publishes per connection, connects per
 * client id, replay after reconnect). {@code caKeyType} is the key a data folder's root CA gets when it is made.
 * {@code mqttProfile} is the rule set both listeners follow: AWS IoT Core's (the default) or standard MQTT's.
 * {@code maxQueuedMessages} and {@code maxQueuedBytes} bound what waits for each client beyond its messages in flight,
 * with Mosquitto's meaning and defaults (1000 messages, bytes unbounded; 0 is no bound).
 */
public record BrokerOptions(
        int mqttsPort,
        Optional<Integer> mqttPort,
        boolean awsQuotas,
        CaKeyType caKeyType,
        MqttProfile mqttProfile,
        int maxQueuedMessages,
        long maxQueuedBytes) {

    public static final int DEFAULT_MQTTS_PORT = 8883;
    public static final int DEFAULT_MAX_QUEUED_MESSAGES = 1000;

    /** Under the AWS profile, with Mosquitto's default queue bounds. */
    public BrokerOptions(int mqttsPort, Optional<Integer> mqttPort, boolean awsQuotas, CaKeyType caKeyType) {
        this(mqttsPort, mqttPort, awsQuotas, caKeyType, MqttProfile.AWS);
    }

    /** With Mosquitto's default queue bounds. */
    public BrokerOptions(
            int mqttsPort,
            Optional<Integer> mqttPort,
            boolean awsQuotas,
            CaKeyType caKeyType,
            MqttProfile mqttProfile) {
        this(mqttsPort, mqttPort, awsQuotas, caKeyType, mqttProfile, DEFAULT_MAX_QUEUED_MESSAGES, 0);
    }

    public static BrokerOptions defaults() {
        return new BrokerOptions(DEFAULT_MQTTS_PORT, Optional.empty(), false, CaKeyType.EC_P256);
    }
}
