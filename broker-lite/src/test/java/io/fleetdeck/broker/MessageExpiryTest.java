package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.broker.config.BrokerLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MQTT 5 message expiry (§3.3.2.3.3) for messages that wait: in a persistent session, and retained. */
class MessageExpiryTest {

    @TempDir
    Path folder;

    private final SettableClock clock = new SettableClock();

    @Test
    void aMessageThatExpiresWhileItsSubscriberIsAwayIsNotDelivered() throws Exception {
        try (RunningBroker broker = RunningBroker.start(folder, BrokerLimits.awsDefaults(), clock)) {
            MqttClient subscriber = client(broker, "tablet-4", false);
            subscriber.subscribe(
                    new MqttSubscription[] {new MqttSubscription("alerts/site-2", 1)},
                    new IMqttMessageListener[] {(topic, message) -> {}});
            subscriber.disconnect();

            MqttClient publisher = client(broker, "alerter", true);
            publisher.publish("alerts/site-2", expiring("door open", 1));
            publisher.publish("alerts/site-2", expiring("pump stopped", 60));
            publisher.disconnect();
            clock.advance(Duration.ofSeconds(2));

            BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
            MqttClient back = new MqttClient(broker.plainUri(), "tablet-4", new MemoryPersistence());
            back.setCallback(new Collecting(received));
            back.connect(options(false));

            MqttMessage first = received.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(new String(first.getPayload(), StandardCharsets.UTF_8)).isEqualTo("pump stopped");
            assertThat(first.getProperties().getMessageExpiryInterval())
                    .as("counted down")
                    .isEqualTo(58);
            assertThat(received.poll(500, TimeUnit.MILLISECONDS))
                    .as("the expired one never comes")
                    .isNull();
            back.disconnect();
        }
    }

    @Test
    void aRetainedMessageIsGivenWithItsTimeLeftUntilItExpires() throws Exception {
        try (RunningBroker broker = RunningBroker.start(folder, BrokerLimits.awsDefaults(), clock)) {
            MqttClient publisher = client(broker, "weather-1", true);
            MqttMessage forecast = expiring("rain", 1);
            forecast.setRetained(true);
            publisher.publish("site/forecast", forecast);
            MqttMessage outlook = expiring("sunny", 60);
            outlook.setRetained(true);
            publisher.publish("site/outlook", outlook);
            publisher.disconnect();
            clock.advance(Duration.ofSeconds(2));

            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            MqttClient late = client(broker, "late-1", true);
            late.subscribe(new MqttSubscription[] {new MqttSubscription("site/#", 1)}, new IMqttMessageListener[] {
                (topic, message) -> received.add(topic + " "
                        + new String(message.getPayload(), StandardCharsets.UTF_8) + " retained="
                        + message.isRetained() + " expiry="
                        + message.getProperties().getMessageExpiryInterval())
            });

            assertThat(received.poll(10, TimeUnit.SECONDS))
                    .as("the retained message still in time, counted down")
                    .isEqualTo("site/outlook sunny retained=true expiry=58");
            assertThat(received.poll(500, TimeUnit.MILLISECONDS))
                    .as("the expired retained message is no longer given")
                    .isNull();
            late.disconnect();
        }
    }

    private static MqttMessage expiring(String text, long seconds) {
        MqttMessage message = new MqttMessage(text.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        MqttProperties properties = new MqttProperties();
        properties.setMessageExpiryInterval(seconds);
        message.setProperties(properties);
        return message;
    }

    private static MqttClient client(RunningBroker broker, String id, boolean cleanStart) throws Exception {
        MqttClient client = new MqttClient(broker.plainUri(), id, new MemoryPersistence());
        client.connect(options(cleanStart));
        return client;
    }

    private static MqttConnectionOptions options(boolean cleanStart) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(cleanStart);
        options.setSessionExpiryInterval(cleanStart ? 0L : 3600L);
        return options;
    }

    /** Collects what arrives on the session's subscriptions, before any new subscribe is made. */
    private record Collecting(BlockingQueue<MqttMessage> into) implements org.eclipse.paho.mqttv5.client.MqttCallback {
        @Override
        public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {}

        @Override
        public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException exception) {}

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            into.add(message);
        }

        @Override
        public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
