package io.fleetdeck.bench.flood;

import io.fleetdeck.bench.DeviceTls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;

/**
 * A real device over mutual TLS, with the files {@code fleetdeck device add NAME --out DIR} gives it: each round
 * connects afresh (what a device locked out would fail at), publishes one QoS 1 message on its own topic and waits for
 * PUBACK. The time of a round is what a device feels while the broker is flooded.
 */
final class DevicePublisher {

    /** What one round came to: its time in milliseconds, or the reason it failed. */
    record Round(double millis, @Nullable String failure) {
        boolean served() {
            return failure == null;
        }
    }

    private final String uri;
    private final String thing;
    private final SSLSocketFactory tls;

    DevicePublisher(int mqttsPort, Path deviceFolder, String thing) throws Exception {
        this.uri = "ssl://localhost:" + mqttsPort;
        this.thing = thing;
        this.tls = DeviceTls.socketFactory(
                Files.readString(deviceFolder.resolve("root-ca.pem")),
                Files.readString(deviceFolder.resolve(thing + ".cert.pem")),
                Files.readString(deviceFolder.resolve(thing + ".private.key")));
    }

    List<Round> rounds(int count, long pauseMillis) throws InterruptedException {
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rounds.add(round());
            Thread.sleep(pauseMillis);
        }
        return rounds;
    }

    Round round() {
        long start = System.nanoTime();
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(tls);
        options.setConnectionTimeout(15);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        try (MqttClient device = new MqttClient(uri, thing, new MemoryPersistence())) {
            device.setTimeToWait(15_000);
            device.connect(options);
            device.publish("dt/" + thing + "/flood", "{\"ok\":true}".getBytes(StandardCharsets.UTF_8), 1, false);
            device.disconnect();
            return new Round((System.nanoTime() - start) / 1e6, null);
        } catch (MqttException failed) {
            return new Round((System.nanoTime() - start) / 1e6, failed.getMessage());
        }
    }
}
