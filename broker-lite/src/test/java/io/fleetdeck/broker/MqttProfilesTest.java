package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdeck.broker.RawMqttClient.Packet;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What differs between the two profiles, each checked on both: QoS 2, {@code $} topics, keep-alive, sizes and counts.
 * The {@code aws} profile keeps AWS IoT Core's rules (AWS-IOT-BEHAVIOUR §0.1, §9); {@code standard} follows MQTT as
 * written, as Mosquitto does.
 */
class MqttProfilesTest {

    @TempDir
    static Path awsFolder;

    @TempDir
    static Path standardFolder;

    private static RunningBroker aws;
    private static RunningBroker standard;

    @BeforeAll
    static void start() throws Exception {
        aws = RunningBroker.start(awsFolder);
        standard = RunningBroker.startStandard(standardFolder);
    }

    @AfterAll
    static void stop() {
        aws.close();
        standard.close();
    }

    private static MqttClient v3(RunningBroker broker, String clientId) throws Exception {
        MqttClient client = new MqttClient(broker.plainUri(), clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        client.connect(options);
        return client;
    }

    /** Publishes from a fresh MQTT 5 client and returns the token with the PUBACK's reason codes. */
    private static org.eclipse.paho.mqttv5.client.IMqttToken publishAsync(
            RunningBroker broker, String clientId, String topic, org.eclipse.paho.mqttv5.common.MqttMessage message)
            throws Exception {
        var client = new org.eclipse.paho.mqttv5.client.MqttAsyncClient(
                broker.plainUri(), clientId, new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        client.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
        try {
            var token = client.publish(topic, message);
            try {
                token.waitForCompletion(10_000);
            } catch (org.eclipse.paho.mqttv5.common.MqttException refused) {
                // Paho reports a PUBACK of 0x80 or more as an error; its reason codes stay on the token
            }
            return token;
        } finally {
            client.disconnect().waitForCompletion(10_000);
            client.close();
        }
    }

    private static org.eclipse.paho.mqttv5.client.MqttClient v5(RunningBroker broker, String clientId)
            throws Exception {
        return new org.eclipse.paho.mqttv5.client.MqttClient(
                broker.plainUri(), clientId, new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
    }

    // --- QoS 2

    @Test
    void awsEndsAnMqtt5Qos2PublishWithQosNotSupported() throws Exception {
        try (RawMqttClient client = new RawMqttClient(aws.plainPort())) {
            client.connect5("qos2-on-aws", true, 0, 10);
            client.publish(1, "lab/qos2", 2, false, "x");

            Packet disconnect = client.read();
            assertThat(disconnect.name()).isEqualTo("DISCONNECT");
            assertThat(disconnect.body()[0] & 0xff).isEqualTo(0x9B);
            assertThat(client.closedByBroker()).isTrue();
        }
    }

    @Test
    void awsClosesAnMqtt311ConnectionOnAQos2PublishAndAPubrel() throws Exception {
        try (RawMqttClient client = new RawMqttClient(aws.plainPort())) {
            client.connect("qos2-on-aws-311", true, 60);
            client.publish(1, "lab/qos2", 2, false, "x");
            assertThat(client.closedByBroker()).isTrue();
        }
        try (RawMqttClient client = new RawMqttClient(aws.plainPort())) {
            client.connect("pubrel-on-aws-311", true, 60);
            client.pubrel(1);
            assertThat(client.closedByBroker()).isTrue();
        }
    }

    @Test
    void connackStatesMaximumQos1OnAwsAndLeavesItOutForQos2InStandard() throws Exception {
        var onAws = v5(aws, "max-qos-aws");
        var inStandard = v5(standard, "max-qos-standard");
        try {
            var awsConnack = onAws.connectWithResult(new MqttConnectionOptions());
            var standardConnack = inStandard.connectWithResult(new MqttConnectionOptions());

            assertThat(awsConnack.getResponseProperties().getMaximumQoS()).isEqualTo(1);
            // absent means 2; the property may only carry 0 or 1 (MQTT 5 §3.2.2.3.4)
            assertThat(standardConnack.getResponseProperties().getMaximumQoS()).isNull();
        } finally {
            onAws.disconnect();
            inStandard.disconnect();
        }
    }

    @Test
    void aQos2SubscriptionIsGrantedQos1OnAwsAndQos2InStandard() throws Exception {
        MqttClient onAws = v3(aws, "grant-aws");
        MqttClient inStandard = v3(standard, "grant-standard");
        try {
            assertThat(onAws.subscribeWithResponse("lab/grant", 2).getGrantedQos())
                    .containsExactly(1);
            assertThat(inStandard.subscribeWithResponse("lab/grant", 2).getGrantedQos())
                    .containsExactly(2);
        } finally {
            onAws.disconnect();
            inStandard.disconnect();
        }
    }

    // --- $ topics

    @Test
    void standardLetsClientsUseTheirOwnDollarTopicsWhichAwsRefuses() throws Exception {
        MqttClient inStandard = v3(standard, "dollar-standard");
        try {
            BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
            IMqttToken granted =
                    inStandard.subscribeWithResponse("$devices/+/status", 2, (topic, message) -> received.add(message));
            assertThat(granted.getGrantedQos()).containsExactly(2);
            inStandard.publish("$devices/gw-1/status", "up".getBytes(StandardCharsets.UTF_8), 2, false);

            MqttMessage message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(new String(message.getPayload(), StandardCharsets.UTF_8)).isEqualTo("up");
        } finally {
            inStandard.disconnect();
        }
        MqttClient onAws = v3(aws, "dollar-aws");
        try {
            assertThat(onAws.subscribeWithResponse("$devices/+/status", 1).getGrantedQos())
                    .containsExactly(0x80);
        } finally {
            onAws.disconnect();
        }
    }

    @Test
    void standardLetsClientsReadSysTopicsButNotPublishThere() throws Exception {
        var client = v5(standard, "sys-reader");
        try {
            client.connect(new MqttConnectionOptions());
            var subscribed = client.subscribe(
                    new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
                        new org.eclipse.paho.mqttv5.common.MqttSubscription("$SYS/#", 1)
                    },
                    new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(topic, message) -> {}});
            assertThat(subscribed.getReasonCodes()).containsExactly(1);

            var message = new org.eclipse.paho.mqttv5.common.MqttMessage("x".getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            var published = publishAsync(standard, "sys-writer", "$SYS/broker/uptime", message);
            // PUBACK 0x90 Topic Name invalid: the broker's $SYS/ is not the clients' (as Mosquitto)
            assertThat(published.getReasonCodes()).containsExactly(0x90);
        } finally {
            client.disconnect();
        }
    }

    // --- keep-alive

    @Test
    void standardHonoursTheKeepAliveAskedWhereAwsClampsIt() throws Exception {
        var onAws = v5(aws, "keep-alive-aws");
        var inStandard = v5(standard, "keep-alive-standard");
        MqttConnectionOptions fiveSeconds = new MqttConnectionOptions();
        fiveSeconds.setKeepAliveInterval(5);
        try {
            assertThat(onAws.connectWithResult(fiveSeconds)
                            .getResponseProperties()
                            .getServerKeepAlive())
                    .isEqualTo(30);
            assertThat(inStandard
                            .connectWithResult(fiveSeconds)
                            .getResponseProperties()
                            .getServerKeepAlive())
                    .as("no Server Keep Alive: the client's own stands")
                    .isNull();
        } finally {
            onAws.disconnect();
            inStandard.disconnect();
        }
    }

    @Test
    void standardDropsAClientSilentPastOneAndAHalfTimesItsOneSecondKeepAlive() throws Exception {
        try (RawMqttClient silent = new RawMqttClient(standard.plainPort())) {
            silent.connect("silent-one-second", true, 1);
            silent.setReadTimeout(20_000);
            // end of stream, not a read timeout: dropped after 1.5 s (MQTT 3.1.1 §3.1.2.10), where AWS's clamp to
            // 30 s would hold the connection for 45 s
            assertThatThrownBy(silent::read).isInstanceOf(EOFException.class);
        }
    }

    // --- sizes and counts

    @Test
    void standardCarriesDeepLongTopicsAndLargePayloadsThatAwsRefuses() throws Exception {
        String deep = "site/" + "level/".repeat(20) + "x".repeat(400);
        byte[] payload = new byte[1024 * 1024];
        Arrays.fill(payload, (byte) 'p');
        MqttClient inStandard = v3(standard, "large-standard");
        try {
            BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
            inStandard.subscribe("site/#", 1, (topic, message) -> received.add(message));
            inStandard.publish(deep, payload, 1, false);

            MqttMessage message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(message.getPayload()).hasSize(payload.length);
        } finally {
            inStandard.disconnect();
        }
        var message = new org.eclipse.paho.mqttv5.common.MqttMessage("x".getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        assertThat(publishAsync(aws, "large-aws", deep, message).getReasonCodes())
                .containsExactly(0x90);
    }

    @Test
    void standardGrantsNineFiltersInOneSubscribeAndADollarClientId() throws Exception {
        MqttClient client = v3(standard, "$tool-1");
        try {
            String[] filters = new String[9];
            int[] qos = new int[9];
            for (int i = 0; i < 9; i++) {
                filters[i] = "bulk/" + i;
                qos[i] = 2;
            }
            assertThat(client.subscribeWithResponse(filters, qos).getGrantedQos())
                    .containsExactly(2, 2, 2, 2, 2, 2, 2, 2, 2);
        } finally {
            client.disconnect();
        }
    }

    // --- MQTT 5 subscription options

    /** Messages a v5 client gets on {@code filter}, subscribed with No Local and Retain As Published as given. */
    private static BlockingQueue<org.eclipse.paho.mqttv5.common.MqttMessage> subscribeWithOptions(
            org.eclipse.paho.mqttv5.client.MqttClient client, String filter, boolean noLocal, boolean retainAsPublished)
            throws Exception {
        BlockingQueue<org.eclipse.paho.mqttv5.common.MqttMessage> received = new LinkedBlockingQueue<>();
        var subscription = new org.eclipse.paho.mqttv5.common.MqttSubscription(filter, 1);
        subscription.setNoLocal(noLocal);
        subscription.setRetainAsPublished(retainAsPublished);
        client.subscribe(
                new org.eclipse.paho.mqttv5.common.MqttSubscription[] {subscription},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(topic, message) -> received.add(message)});
        return received;
    }

    private static List<String> payloadsUntil(
            BlockingQueue<org.eclipse.paho.mqttv5.common.MqttMessage> received, String last) throws Exception {
        List<String> payloads = new ArrayList<>();
        while (payloads.isEmpty() || !payloads.getLast().equals(last)) {
            var message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("a message after %s", payloads).isNotNull();
            payloads.add(new String(message.getPayload(), StandardCharsets.UTF_8));
        }
        return payloads;
    }

    @Test
    void standardHonoursNoLocalWhichAwsIgnores() throws Exception {
        for (RunningBroker broker : List.of(standard, aws)) {
            var echo = v5(broker, "no-local-echo");
            var other = v5(broker, "no-local-other");
            try {
                echo.connect(new MqttConnectionOptions());
                other.connect(new MqttConnectionOptions());
                var received = subscribeWithOptions(echo, "lab/no-local", true, false);
                // its own message is routed before PUBACK, so it would arrive before "end" if it arrived at all
                echo.publish("lab/no-local", "own".getBytes(StandardCharsets.UTF_8), 1, false);
                other.publish("lab/no-local", "end".getBytes(StandardCharsets.UTF_8), 1, false);

                assertThat(payloadsUntil(received, "end"))
                        .as(broker == standard ? "standard" : "aws")
                        .containsExactlyElementsOf(broker == standard ? List.of("end") : List.of("own", "end"));
            } finally {
                echo.disconnect();
                other.disconnect();
            }
        }
    }

    @Test
    void standardKeepsTheRetainFlagForRetainAsPublishedWhichAwsClears() throws Exception {
        for (RunningBroker broker : List.of(standard, aws)) {
            var subscriber = v5(broker, "rap-subscriber");
            var publisher = v5(broker, "rap-publisher");
            try {
                subscriber.connect(new MqttConnectionOptions());
                publisher.connect(new MqttConnectionOptions());
                var received = subscribeWithOptions(subscriber, "lab/rap/+", false, true);
                publisher.publish("lab/rap/setpoint", "21".getBytes(StandardCharsets.UTF_8), 1, true);

                var message = received.poll(10, TimeUnit.SECONDS);
                assertThat(message).isNotNull();
                assertThat(message.isRetained())
                        .as(broker == standard ? "standard" : "aws")
                        .isEqualTo(broker == standard);
                publisher.publish("lab/rap/setpoint", new byte[0], 1, true);
            } finally {
                subscriber.disconnect();
                publisher.disconnect();
            }
        }
    }

    @Test
    void standardDiscardsAMessageOverTheClientsMaximumPacketSizeAndKeepsItConnected() throws Exception {
        var small = v5(standard, "small-packets");
        var publisher = v5(standard, "large-sender");
        try {
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setMaximumPacketSize(200L);
            small.connect(options);
            publisher.connect(new MqttConnectionOptions());
            var received = subscribeWithOptions(small, "lab/small/+", false, false);
            publisher.publish("lab/small/a", new byte[1000], 1, false);
            publisher.publish("lab/small/a", "end".getBytes(StandardCharsets.UTF_8), 1, false);

            // MQTT 5 §3.1.2.11.4: the 1,000-byte message is discarded as if sent, the connection goes on
            assertThat(payloadsUntil(received, "end")).containsExactly("end");
            assertThat(small.isConnected()).isTrue();
            assertThat(standard.broker.clients().stream()
                            .filter(c -> c.clientId().equals("small-packets"))
                            .findFirst()
                            .orElseThrow()
                            .traffic()
                            .droppedQos1())
                    .isEqualTo(1);
        } finally {
            small.disconnect();
            publisher.disconnect();
        }
    }
}
