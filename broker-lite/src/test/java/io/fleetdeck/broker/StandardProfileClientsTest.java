package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * QoS 2 in the standard profile with real clients: Paho's Java clients for MQTT 3.1.1 and 5, and Debian's
 * mosquitto_pub and mosquitto_sub. Exactly once is checked under a count: every message arrives, in order, none
 * twice, up to a last message published after them (one publisher's order holds per topic, MQTT 3.1.1 §4.6).
 */
class StandardProfileClientsTest {

    private static final int COUNT = 300;

    @TempDir
    static Path folder;

    private static RunningBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = RunningBroker.startStandard(folder);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static List<String> numbered() {
        List<String> expected =
                new ArrayList<>(IntStream.range(0, COUNT).mapToObj(i -> "m" + i).toList());
        expected.add("end");
        return expected;
    }

    private static MqttClient v3(String clientId) throws Exception {
        MqttClient client = new MqttClient(broker.plainUri(), clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setMaxInflight(50);
        client.connect(options);
        return client;
    }

    private static org.eclipse.paho.mqttv5.client.MqttClient v5(String clientId) throws Exception {
        var client = new org.eclipse.paho.mqttv5.client.MqttClient(
                broker.plainUri(), clientId, new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        client.connect(new MqttConnectionOptions());
        return client;
    }

    @Test
    void pahoMqtt311DeliversEveryQos2MessageExactlyOnce() throws Exception {
        MqttClient subscriber = v3("count-v3-sub");
        MqttClient publisher = v3("count-v3-pub");
        try {
            List<String> received = new CopyOnWriteArrayList<>();
            List<Integer> qos = new CopyOnWriteArrayList<>();
            IMqttToken granted = subscriber.subscribeWithResponse("count/v3", 2, (topic, message) -> {
                received.add(new String(message.getPayload(), StandardCharsets.UTF_8));
                qos.add(message.getQos());
            });
            assertThat(granted.getGrantedQos()).containsExactly(2);

            for (String payload : numbered()) {
                publisher.publish("count/v3", payload.getBytes(StandardCharsets.UTF_8), 2, false);
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> received.contains("end"));
            assertThat(received).containsExactlyElementsOf(numbered());
            assertThat(qos).containsOnly(2);
        } finally {
            publisher.disconnect();
            subscriber.disconnect();
        }
    }

    @Test
    void pahoMqtt5DeliversEveryQos2MessageExactlyOnce() throws Exception {
        var subscriber = v5("count-v5-sub");
        var publisher = v5("count-v5-pub");
        try {
            List<String> received = new CopyOnWriteArrayList<>();
            List<Integer> qos = new CopyOnWriteArrayList<>();
            // the (String, int, listener) overload of Paho 1.2.5 calls itself for ever: the array form works
            var token = subscriber.subscribe(
                    new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
                        new org.eclipse.paho.mqttv5.common.MqttSubscription("count/v5", 2)
                    },
                    new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                        (topic, message) -> {
                            received.add(new String(message.getPayload(), StandardCharsets.UTF_8));
                            qos.add(message.getQos());
                        }
                    });
            assertThat(token.getReasonCodes()).containsExactly(2);

            for (String payload : numbered()) {
                publisher.publish("count/v5", payload.getBytes(StandardCharsets.UTF_8), 2, false);
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> received.contains("end"));
            assertThat(received).containsExactlyElementsOf(numbered());
            assertThat(qos).containsOnly(2);
        } finally {
            publisher.disconnect();
            subscriber.disconnect();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mqttv311", "mqttv5"})
    void mosquittoClientsExchangeQos2MessagesExactlyOnce(String version) throws Exception {
        String port = Integer.toString(broker.plainPort());
        String topic = "count/mosquitto/" + version;
        try (var sub = Mosquitto.sub(
                "-d",
                "-V",
                version,
                "-h",
                "127.0.0.1",
                "-p",
                port,
                "-q",
                "2",
                "-C",
                Integer.toString(COUNT + 1),
                "-t",
                topic)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> sub.lines().stream().anyMatch(line -> line.contains("SUBACK")));

            var pub = Mosquitto.pubWithInput(
                    String.join("\n", numbered()) + "\n",
                    "-V",
                    version,
                    "-h",
                    "127.0.0.1",
                    "-p",
                    port,
                    "-q",
                    "2",
                    "-t",
                    topic,
                    "-l");

            assertThat(pub.exitCode()).as(pub.output()).isZero();
            assertThat(sub.awaitExit()).isZero();
            List<String> payloads = sub.lines().stream()
                    .filter(line -> line.matches("m\\d+|end"))
                    .toList();
            assertThat(payloads).containsExactlyElementsOf(numbered());
            assertThat(sub.lines().stream().filter(line -> line.contains("received PUBLISH")))
                    .hasSize(COUNT + 1)
                    .allMatch(line -> line.contains("q2"));
            assertThat(sub.lines().stream().filter(line -> line.contains("sending PUBCOMP")))
                    .hasSize(COUNT + 1);
        }
    }

    @Test
    void aRetainedQos2MessageGreetsANewQos2SubscriberAtQos2() throws Exception {
        String port = Integer.toString(broker.plainPort());
        var pub = Mosquitto.pub(
                "-h", "127.0.0.1", "-p", port, "-q", "2", "-r", "-t", "lab/retained/setpoint", "-m", "42");
        assertThat(pub.exitCode()).as(pub.output()).isZero();

        try (var sub = Mosquitto.sub(
                "-d", "-V", "mqttv5", "-h", "127.0.0.1", "-p", port, "-q", "2", "-C", "1", "-t", "lab/retained/+")) {
            assertThat(sub.awaitExit()).isZero();
            assertThat(sub.lines()).contains("42");
            assertThat(sub.lines()).anyMatch(line -> line.contains("received PUBLISH (d0, q2, r1"));
        }
    }

    @Test
    void aQos2WillIsDeliveredAtQos2WhenItsClientVanishes() throws Exception {
        String port = Integer.toString(broker.plainPort());
        try (var watcher =
                        Mosquitto.sub("-d", "-h", "127.0.0.1", "-p", port, "-q", "2", "-C", "1", "-t", "lab/wills/+");
                var device = Mosquitto.sub(
                        "-d",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        port,
                        "-i",
                        "will-device",
                        "-t",
                        "lab/commands",
                        "--will-topic",
                        "lab/wills/will-device",
                        "--will-payload",
                        "gone",
                        "--will-qos",
                        "2")) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> watcher.lines().stream().anyMatch(line -> line.contains("SUBACK"))
                            && device.lines().stream().anyMatch(line -> line.contains("SUBACK")));

            device.killAbruptly();

            assertThat(watcher.awaitExit()).isZero();
            assertThat(watcher.lines()).contains("gone");
            assertThat(watcher.lines()).anyMatch(line -> line.contains("received PUBLISH (d0, q2"));
        }
    }
}
