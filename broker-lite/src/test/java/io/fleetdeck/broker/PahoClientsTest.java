package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eclipse Paho's MQTT 3.1.1 and 5 clients against the broker, and services on the in-process MqttChannel. */
class PahoClientsTest {

    @TempDir
    static Path folder;

    private static RunningBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = RunningBroker.start(folder);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static MqttClient v3(String clientId) throws Exception {
        MqttClient client = new MqttClient(broker.plainUri(), clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        client.connect(options);
        return client;
    }

    private static org.eclipse.paho.mqttv5.client.MqttClient v5(String clientId, int keepAlive) throws Exception {
        var client = new org.eclipse.paho.mqttv5.client.MqttClient(
                broker.plainUri(), clientId, new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setKeepAliveInterval(keepAlive);
        client.connect(options);
        return client;
    }

    @Test
    void aQos2SubscriptionIsGrantedQos1AsOnAws() throws Exception {
        MqttClient client = v3("valve-1");
        try {
            IMqttToken token = client.subscribeWithResponse("valves/+/state", 2);
            assertThat(token.getGrantedQos()).containsExactly(1);

            BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
            client.subscribe("valves/#", 1, (topic, message) -> received.add(message));
            client.publish("valves/valve-1/state", "open".getBytes(StandardCharsets.UTF_8), 1, false);

            MqttMessage message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(message.getQos()).isEqualTo(1);
            assertThat(new String(message.getPayload(), StandardCharsets.UTF_8)).isEqualTo("open");
        } finally {
            client.disconnect();
        }
    }

    @Test
    void onlyEightFiltersPerSubscribeAreGrantedAsOnAws() throws Exception {
        MqttClient client = v3("many-filters");
        try {
            String[] filters = new String[9];
            int[] qos = new int[9];
            for (int i = 0; i < 9; i++) {
                filters[i] = "bulk/" + i;
                qos[i] = 1;
            }
            IMqttToken token = client.subscribeWithResponse(filters, qos);

            assertThat(token.getGrantedQos()).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 0x80);
        } finally {
            client.disconnect();
        }
    }

    @Test
    void aSecondConnectionWithTheSameClientIdTakesTheSessionOver() throws Exception {
        MqttClient first = v3("pump-7");
        AtomicReference<Throwable> lost = new AtomicReference<>();
        first.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                lost.set(cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {}

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        });

        MqttClient second = v3("pump-7");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> lost.get() != null);
            assertThat(first.isConnected()).isFalse();
            assertThat(second.isConnected()).isTrue();
        } finally {
            second.disconnect();
            first.close(true);
        }
    }

    @Test
    void mqtt5KeepAliveIsClampedAndUserPropertiesTravelWithTheMessage() throws Exception {
        var subscriber = v5("dashboard-1", 5);
        var publisher = v5("sensor-9", 60);
        try {
            BlockingQueue<org.eclipse.paho.mqttv5.common.MqttMessage> received = new LinkedBlockingQueue<>();
            subscriber.subscribe(
                    new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
                        new org.eclipse.paho.mqttv5.common.MqttSubscription("sensors/+/reading", 1)
                    },
                    new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(topic, message) -> received.add(message)
                    });

            var message = new org.eclipse.paho.mqttv5.common.MqttMessage("42".getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            MqttProperties properties = new MqttProperties();
            properties.setUserProperties(List.of(new UserProperty("unit", "celsius")));
            properties.setResponseTopic("sensors/sensor-9/ack");
            properties.setContentType("text/plain");
            message.setProperties(properties);
            publisher.publish("sensors/sensor-9/reading", message);

            var delivered = received.poll(10, TimeUnit.SECONDS);
            assertThat(delivered).isNotNull();
            assertThat(delivered.getProperties().getUserProperties())
                    .extracting(UserProperty::getKey, UserProperty::getValue)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("unit", "celsius"));
            assertThat(delivered.getProperties().getResponseTopic()).isEqualTo("sensors/sensor-9/ack");
            assertThat(delivered.getProperties().getContentType()).isEqualTo("text/plain");
        } finally {
            subscriber.disconnect();
            publisher.disconnect();
        }
    }

    @Test
    void eachDeliveryCarriesTheSubscriptionIdentifiersOfTheFiltersItMatched() throws Exception {
        var subscriber = new org.eclipse.paho.mqttv5.client.MqttAsyncClient(
                broker.plainUri(), "plant-dashboard", new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        var publisher = v5("plant-sensor", 60);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        subscriber.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
            @Override
            public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage message) {
                received.add(topic + " " + message.getProperties().getSubscriptionIdentifiers());
            }

            @Override
            public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {}

            @Override
            public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException exception) {}

            @Override
            public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {}

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {}

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
        try {
            subscriber.connect().waitForCompletion(10_000);
            subscribeWithId(subscriber, "plant/+/temperature", 7);
            subscribeWithId(subscriber, "plant/#", 9);

            publisher.publish(
                    "plant/line-2/temperature", new org.eclipse.paho.mqttv5.common.MqttMessage(new byte[] {1}));
            publisher.publish("plant/line-2/humidity", new org.eclipse.paho.mqttv5.common.MqttMessage(new byte[] {2}));

            assertThat(received.poll(10, TimeUnit.SECONDS))
                    .isIn("plant/line-2/temperature [7, 9]", "plant/line-2/temperature [9, 7]");
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("plant/line-2/humidity [9]");
        } finally {
            subscriber.disconnect().waitForCompletion(10_000);
            subscriber.close();
            publisher.disconnect();
        }
    }

    private static void subscribeWithId(
            org.eclipse.paho.mqttv5.client.MqttAsyncClient client, String filter, int subscriptionId) throws Exception {
        MqttProperties properties = new MqttProperties();
        properties.setSubscriptionIdentifier(subscriptionId);
        client.subscribe(
                        new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
                            new org.eclipse.paho.mqttv5.common.MqttSubscription(filter, 1)
                        },
                        null,
                        null,
                        properties)
                .waitForCompletion(10_000);
    }

    @Test
    void aServiceAnswersAShadowGetThroughTheMqttChannel() throws Exception {
        MqttChannel channel = broker.broker;
        try (MqttChannel.Subscription service = channel.subscribe("$aws/things/+/shadow/get", request -> {
            String thing = request.topic().split("/")[2];
            channel.publish(
                    "$aws/things/" + thing + "/shadow/get/accepted",
                    "{\"state\":{\"reported\":{\"on\":true}},\"version\":1}".getBytes(StandardCharsets.UTF_8),
                    1,
                    false);
        })) {
            MqttClient device = v3("lamp-3");
            try {
                BlockingQueue<String> answers = new LinkedBlockingQueue<>();
                device.subscribe(
                        "$aws/things/lamp-3/shadow/get/accepted",
                        1,
                        (topic, message) -> answers.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
                device.publish("$aws/things/lamp-3/shadow/get", new byte[0], 1, false);

                assertThat(answers.poll(10, TimeUnit.SECONDS))
                        .isEqualTo("{\"state\":{\"reported\":{\"on\":true}},\"version\":1}");
            } finally {
                device.disconnect();
            }
        }
    }

    @Test
    void publishToReachesOnlyTheRequesterEvenWithoutASubscription() throws Exception {
        List<String> lifecycle = new CopyOnWriteArrayList<>();
        try (var listening = broker.broker.onClientLifecycle(new ClientLifecycleListener() {
            @Override
            public void connected(ClientConnection connection) {
                lifecycle.add("connected " + connection.clientId() + " v" + connection.protocolVersion());
            }

            @Override
            public void disconnected(ClientConnection connection, String reason) {
                lifecycle.add("disconnected " + connection.clientId() + ": " + reason);
            }
        })) {
            MqttClient requester = v3("job-runner-1");
            MqttClient bystander = v3("job-runner-2");
            BlockingQueue<String> requesterGot = new LinkedBlockingQueue<>();
            BlockingQueue<String> bystanderGot = new LinkedBlockingQueue<>();
            requester.setCallback(collecting(requesterGot));
            bystander.setCallback(collecting(bystanderGot));
            bystander.subscribe("$aws/things/+/jobs/#", 1);

            assertThat(broker.broker.publishTo(
                            "job-runner-1",
                            "$aws/things/job-runner-1/jobs/get/accepted",
                            "{}".getBytes(StandardCharsets.UTF_8),
                            1))
                    .isTrue();

            assertThat(requesterGot.poll(10, TimeUnit.SECONDS)).isEqualTo("$aws/things/job-runner-1/jobs/get/accepted");
            assertThat(bystanderGot.poll(500, TimeUnit.MILLISECONDS)).isNull();
            assertThat(broker.broker.publishTo("nobody", "x/y", new byte[0], 0)).isFalse();

            requester.disconnect();
            bystander.disconnect();
            await().atMost(Duration.ofSeconds(10)).until(() -> lifecycle.size() == 4);
            assertThat(lifecycle)
                    .contains("connected job-runner-1 v4", "disconnected job-runner-1: client disconnected");
        }
    }

    @Test
    void aMalformedPacketClosesOnlyTheOffendingConnection() throws Exception {
        MqttClient bystander = v3("bystander");
        try (Socket socket = new Socket("127.0.0.1", broker.plainPort())) {
            OutputStream out = socket.getOutputStream();
            // CONNECT with a remaining length that never ends: five continuation bytes
            out.write(new byte[] {0x10, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f});
            out.flush();
            socket.setSoTimeout(10_000);
            assertThat(socket.getInputStream().read())
                    .as("the broker closes the socket")
                    .isEqualTo(-1);

            BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
            bystander.subscribe("still/alive", 1, (topic, message) -> received.add(message));
            bystander.publish("still/alive", "yes".getBytes(StandardCharsets.UTF_8), 1, false);
            assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
        } finally {
            bystander.disconnect();
        }
    }

    @Test
    void aSharedSubscriptionSplitsTheStreamBetweenItsMembers() throws Exception {
        MqttClient workerA = v3("worker-a");
        MqttClient workerB = v3("worker-b");
        MqttClient producer = v3("producer-1");
        try {
            // Paho 3 matches a message against the filter itself and does not know $share/: use its callback
            BlockingQueue<String> topicsA = new LinkedBlockingQueue<>();
            BlockingQueue<String> topicsB = new LinkedBlockingQueue<>();
            workerA.setCallback(collecting(topicsA));
            workerB.setCallback(collecting(topicsB));
            workerA.subscribe("$share/workers/jobs/#", 1);
            workerB.subscribe("$share/workers/jobs/#", 1);
            for (int i = 0; i < 10; i++) {
                producer.publish("jobs/job-" + i, new byte[] {1}, 1, false);
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> topicsA.size() + topicsB.size() == 10);
            assertThat(topicsA).as("turns are taken in order").hasSize(5);
            assertThat(topicsB).hasSize(5);

            IMqttToken badGroup = workerA.subscribeWithResponse("$share/+/jobs/#", 1);
            assertThat(badGroup.getGrantedQos()).containsExactly(0x80);
        } finally {
            workerA.disconnect();
            workerB.disconnect();
            producer.disconnect();
        }
    }

    private static MqttCallback collecting(BlockingQueue<String> topics) {
        return new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {}

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                topics.add(topic);
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        };
    }
}
