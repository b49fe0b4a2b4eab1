package io.fleetdeck.sim;

import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.jspecify.annotations.Nullable;

/**
 * One simulated device: a real MQTT client (Paho, 3.1.1 or 5) over TLS, its client id its thing name, publishing
 * telemetry to {@code dt/<thing>/telemetry}, inside what the default device policy grants a thing ({@code dt/<thing>/#}).
 * Started and stopped by its {@link SimulatedFleet}; {@link #publishTelemetry} runs on the fleet's scheduler thread.
 */
final class SimulatedDevice implements AutoCloseable {

    /** How long a stopping device lets in-flight work finish; telemetry at QoS 0 has nothing worth waiting for. */
    private static final long QUIESCE_MILLIS = 100;

    private final String thingName;
    private final boolean mqtt5;
    private final Telemetry telemetry;
    /* one of the two, once connected: the MQTT 3.1.1 or the MQTT 5 client */
    private @Nullable MqttAsyncClient v3;

    private org.eclipse.paho.mqttv5.client.@Nullable MqttAsyncClient v5;

    SimulatedDevice(String thingName, boolean mqtt5, RandomGenerator random) {
        this.thingName = thingName;
        this.mqtt5 = mqtt5;
        this.telemetry = new Telemetry(random);
    }

    String thingName() {
        return thingName;
    }

    boolean usesMqtt5() {
        return mqtt5;
    }

    String telemetryTopic() {
        return "dt/" + thingName + "/telemetry";
    }

    void connect(FleetEndpoint endpoint, SSLSocketFactory tls) throws Exception {
        if (mqtt5) {
            var client = new org.eclipse.paho.mqttv5.client.MqttAsyncClient(
                    endpoint.uri(), thingName, new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
            v5 = client;
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setSocketFactory(tls);
            options.setKeepAliveInterval(60);
            options.setAutomaticReconnect(true);
            options.setCleanStart(true);
            client.connect(options).waitForCompletion(30_000);
        } else {
            MqttAsyncClient client = new MqttAsyncClient(endpoint.uri(), thingName, new MemoryPersistence());
            v3 = client;
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setSocketFactory(tls);
            options.setKeepAliveInterval(60);
            options.setAutomaticReconnect(true);
            options.setCleanSession(true);
            client.connect(options).waitForCompletion(30_000);
        }
    }

    /** Keeps the device's shadows from now on: reports its state, then follows the deltas it is sent. */
    void keepShadow(ScheduledExecutorService scheduler, ShadowTiming timing) throws Exception {
        DeviceShadow shadow = new DeviceShadow(
                thingName,
                this::publishAtLeastOnce,
                scheduler,
                timing.actDelay().toMillis());
        var five = v5;
        var three = v3;
        if (five != null) {
            // this Paho v5 call reads a subscription identifier list; 0 asks it to pick one when the broker offers them
            org.eclipse.paho.mqttv5.common.packet.MqttProperties properties =
                    new org.eclipse.paho.mqttv5.common.packet.MqttProperties();
            properties.setSubscriptionIdentifiers(java.util.List.of(0));
            five.subscribe(
                            new org.eclipse.paho.mqttv5.common.MqttSubscription(shadow.deltaTopic(), 1),
                            null,
                            null,
                            (topic, message) -> shadow.onDelta(message.getPayload()),
                            properties)
                    .waitForCompletion(30_000);
        } else if (three != null) {
            three.subscribe(shadow.deltaTopic(), 1, (topic, message) -> shadow.onDelta(message.getPayload()))
                    .waitForCompletion(30_000);
        } else {
            throw new IllegalStateException(thingName + " keeps its shadow only once connected");
        }
        shadow.reportOnConnect();
        shadow.reportEvery(timing.reportEvery());
    }

    private void publishAtLeastOnce(String topic, byte[] payload) {
        var five = v5;
        var three = v3;
        try {
            if (five != null && five.isConnected()) {
                five.publish(topic, payload, 1, false);
            } else if (three != null && three.isConnected()) {
                three.publish(topic, payload, 1, false);
            }
        } catch (MqttException | org.eclipse.paho.mqttv5.common.MqttException e) {
            // reconnecting: the next report carries the state
        }
    }

    /** Publishes one reading at QoS 0; a device that is reconnecting skips it, as a real one would. */
    void publishTelemetry(long epochMillis) {
        byte[] reading = telemetry.next(epochMillis);
        var five = v5;
        var three = v3;
        try {
            if (five != null && five.isConnected()) {
                five.publish(telemetryTopic(), reading, 0, false);
            } else if (three != null && three.isConnected()) {
                three.publish(telemetryTopic(), reading, 0, false);
            }
        } catch (MqttException | org.eclipse.paho.mqttv5.common.MqttException e) {
            // the client's own reconnect takes care of it; a missed reading is what the fleet would see too
        }
    }

    @Override
    public void close() {
        var five = v5;
        var three = v3;
        try {
            if (five != null) {
                five.disconnect(QUIESCE_MILLIS).waitForCompletion(5_000);
                five.close();
            }
            if (three != null) {
                three.disconnect(QUIESCE_MILLIS).waitForCompletion(5_000);
                three.close();
            }
        } catch (MqttException | org.eclipse.paho.mqttv5.common.MqttException e) {
            // stopping anyway
        }
    }
}
