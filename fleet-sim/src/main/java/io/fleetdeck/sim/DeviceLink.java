package io.fleetdeck.sim;

import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.jspecify.annotations.Nullable;

/**
 * One connection of a simulated device, its client id its thing name: Paho's MQTT 3.1.1 or MQTT 5 client behind the
 * few calls a device makes. A device that goes offline closes its link and opens a new one when it is back. Safe to
 * call from any thread, as Paho's clients are.
 */
final class DeviceLink implements AutoCloseable {

    private static final long TIMEOUT_MILLIS = 30_000;
    /** How long a stopping device lets in-flight work finish; telemetry at QoS 0 has nothing worth waiting for. */
    private static final long QUIESCE_MILLIS = 100;

    private final @Nullable MqttAsyncClient v3;
    private final org.eclipse.paho.mqttv5.client.@Nullable MqttAsyncClient v5;

    private DeviceLink(@Nullable MqttAsyncClient v3, org.eclipse.paho.mqttv5.client.@Nullable MqttAsyncClient v5) {
        this.v3 = v3;
        this.v5 = v5;
    }

    static DeviceLink connect(FleetEndpoint endpoint, String thingName, boolean mqtt5, SSLSocketFactory tls)
            throws Exception {
        if (mqtt5) {
            var client = new org.eclipse.paho.mqttv5.client.MqttAsyncClient(
                    endpoint.uri(), thingName, new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setSocketFactory(tls);
            options.setKeepAliveInterval(60);
            options.setAutomaticReconnect(true);
            options.setCleanStart(true);
            client.connect(options).waitForCompletion(TIMEOUT_MILLIS);
            return new DeviceLink(null, client);
        }
        MqttAsyncClient client = new MqttAsyncClient(endpoint.uri(), thingName, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setSocketFactory(tls);
        options.setKeepAliveInterval(60);
        options.setAutomaticReconnect(true);
        options.setCleanSession(true);
        client.connect(options).waitForCompletion(TIMEOUT_MILLIS);
        return new DeviceLink(client, null);
    }

    void subscribe(String topicFilter, Consumer<byte[]> onMessage) throws Exception {
        var five = v5;
        var three = v3;
        if (five != null) {
            // this Paho v5 call reads a subscription identifier list; 0 asks it to pick one when the broker offers them
            MqttProperties properties = new MqttProperties();
            properties.setSubscriptionIdentifiers(List.of(0));
            five.subscribe(
                            new MqttSubscription(topicFilter, 1),
                            null,
                            null,
                            (topic, message) -> onMessage.accept(message.getPayload()),
                            properties)
                    .waitForCompletion(TIMEOUT_MILLIS);
        } else if (three != null) {
            three.subscribe(topicFilter, 1, (topic, message) -> onMessage.accept(message.getPayload()))
                    .waitForCompletion(TIMEOUT_MILLIS);
        }
    }

    /** Publishes while connected; a device that is reconnecting skips it, and its next report carries the state. */
    void publish(String topic, byte[] payload, int qos) {
        var five = v5;
        var three = v3;
        try {
            if (five != null && five.isConnected()) {
                five.publish(topic, payload, qos, false);
            } else if (three != null && three.isConnected()) {
                three.publish(topic, payload, qos, false);
            }
        } catch (MqttException | org.eclipse.paho.mqttv5.common.MqttException e) {
            // the client's own reconnect takes care of it; a missed message is what the fleet would see too
        }
    }

    /** Disconnects cleanly, so the broker tells the fleet the device left rather than vanished. */
    @Override
    public void close() {
        var five = v5;
        var three = v3;
        if (five != null) {
            try {
                five.disconnect(QUIESCE_MILLIS).waitForCompletion(5_000);
            } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
                // gone already: closing anyway
            }
            try {
                five.close();
            } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
                // stopping anyway
            }
        }
        if (three != null) {
            try {
                three.disconnect(QUIESCE_MILLIS).waitForCompletion(5_000);
            } catch (MqttException e) {
                // gone already: closing anyway
            }
            try {
                three.close();
            } catch (MqttException e) {
                // stopping anyway
            }
        }
    }
}
