package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.broker.metrics.ClientStats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A subscriber that stops reading holds up nobody, and what it cannot take is counted, never silently lost. */
class BackPressureTest {

    @TempDir
    Path folder;

    @Test
    void aStalledSubscriberNeitherBlocksOthersNorLosesCountOfWhatItMissed() throws Exception {
        try (RunningBroker broker = RunningBroker.start(folder);
                RawMqttClient stalled = new RawMqttClient(broker.plainPort())) {
            // subscribes, then never reads again
            stalled.connect("stalled-1", true, 60);
            stalled.subscribe(1, "load/#", 1);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> broker.broker.clients().stream()
                            .anyMatch(c -> c.clientId().equals("stalled-1")));

            MqttClient fast = client(broker, "fast-1");
            AtomicInteger fastGot = new AtomicInteger();
            fast.subscribe("load/#", 1, (topic, message) -> fastGot.incrementAndGet());
            // on a busy CI machine Paho once refused a waiting publish as over its own in-flight window of 100
            // (32202) though every earlier one had returned; the publisher's window is not what this test is about
            MqttClient publisher = client(broker, "publisher-1", 5000);
            byte[] payload = "x".repeat(200).getBytes(StandardCharsets.UTF_8);
            int total = 5000;
            for (int i = 0; i < total; i++) {
                publisher.publish("load/telemetry", payload, 1, false);
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> fastGot.get() == total);
            ClientStats stalledStats = broker.broker.clients().stream()
                    .filter(c -> c.clientId().equals("stalled-1"))
                    .findFirst()
                    .orElseThrow();
            // 100 sent and unacknowledged (AWS's outbound window), 1000 queued (the session's bound), the rest counted
            assertThat(stalledStats.traffic().droppedQos1()).isEqualTo(total - 100 - 1000);
            assertThat(stalledStats.queued()).isEqualTo(1100);
            assertThat(broker.broker.stats().traffic().droppedQos1()).isEqualTo(total - 1100);
            assertThat(broker.broker.stats().traffic().messagesIn()).isEqualTo(total);
            publisher.disconnect();
            fast.disconnect();
        }
    }

    @Test
    void perClientCountersFollowTheTraffic() throws Exception {
        try (RunningBroker broker = RunningBroker.start(folder)) {
            MqttClient client = client(broker, "counter-1");
            AtomicInteger got = new AtomicInteger();
            client.subscribe("count/me", 1, (topic, message) -> got.incrementAndGet());
            for (int i = 0; i < 3; i++) {
                client.publish("count/me", "0123456789".getBytes(StandardCharsets.UTF_8), 1, false);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> got.get() == 3);

            ClientStats stats = broker.broker.clients().getFirst();
            assertThat(stats.clientId()).isEqualTo("counter-1");
            assertThat(stats.connected()).isTrue();
            assertThat(stats.traffic().messagesIn()).isEqualTo(3);
            assertThat(stats.traffic().bytesIn()).isEqualTo(30);
            assertThat(stats.traffic().messagesOut()).isEqualTo(3);
            assertThat(broker.broker.stats().connects()).isEqualTo(1);
            client.disconnect();
        }
    }

    private static MqttClient client(RunningBroker broker, String id) throws Exception {
        return client(broker, id, 100);
    }

    private static MqttClient client(RunningBroker broker, String id, int maxInflight) throws Exception {
        MqttClient client = new MqttClient(broker.plainUri(), id, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setMaxInflight(maxInflight);
        client.connect(options);
        return client;
    }
}
