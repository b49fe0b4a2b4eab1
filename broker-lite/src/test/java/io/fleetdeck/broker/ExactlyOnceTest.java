package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.broker.RawMqttClient.Packet;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QoS 2 in the standard profile, packet by packet, with a client that drops in the middle of an exchange and comes
 * back to its persistent session: each message is delivered exactly once (MQTT 3.1.1 §4.3.3, §4.4; MQTT 5 §4.3.3,
 * §4.4). A subscriber that checks "exactly once" reads up to a sentinel published after the message under test: the
 * broker keeps one publisher's order on a topic (MQTT 3.1.1 §4.6), so anything delivered twice would come before it.
 */
class ExactlyOnceTest {

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

    private static RawMqttClient client() throws Exception {
        return new RawMqttClient(broker.plainPort());
    }

    /** A clean subscriber at QoS 2 on {@code topic} that answers every exchange in full. */
    private static RawMqttClient subscriber(String clientId, String topic) throws Exception {
        RawMqttClient subscriber = client();
        subscriber.connect(clientId, true, 60);
        subscriber.subscribe(1, topic, 2);
        Packet suback = subscriber.read();
        assertThat(suback.name()).isEqualTo("SUBACK");
        assertThat(suback.body()[2]).as("granted QoS").isEqualTo((byte) 2);
        return subscriber;
    }

    /** Payloads received, completing each QoS 2 exchange, up to and including {@code last}. */
    private static java.util.List<String> receiveUntil(RawMqttClient subscriber, String last) throws Exception {
        java.util.List<String> payloads = new java.util.ArrayList<>();
        while (payloads.isEmpty() || !payloads.getLast().equals(last)) {
            Packet packet = subscriber.read();
            if (packet.isPublish()) {
                assertThat(packet.qos()).isEqualTo(2);
                payloads.add(packet.payload311());
                subscriber.pubrec(packet.packetId());
            } else if (packet.name().equals("PUBREL")) {
                subscriber.pubcomp(packet.packetId());
            }
        }
        return payloads;
    }

    private static void publishComplete(RawMqttClient publisher, int packetId, String topic, String payload)
            throws Exception {
        publisher.publish(packetId, topic, 2, false, payload);
        assertThat(publisher.read().toString()).isEqualTo("PUBREC id " + packetId);
        publisher.pubrel(packetId);
        assertThat(publisher.read().toString()).isEqualTo("PUBCOMP id " + packetId);
    }

    @Test
    void aQos2PublishSentAgainBeforePubrelIsDeliveredOnce() throws Exception {
        try (RawMqttClient subscriber = subscriber("resend-watcher", "lab/resend");
                RawMqttClient publisher = client()) {
            publisher.connect("resend-sender", true, 60);

            publisher.publish(7, "lab/resend", 2, false, "reading-1");
            assertThat(publisher.read().toString()).isEqualTo("PUBREC id 7");
            publisher.publish(7, "lab/resend", 2, true, "reading-1");
            assertThat(publisher.read().toString())
                    .as("the copy is acknowledged again")
                    .isEqualTo("PUBREC id 7");
            publisher.pubrel(7);
            assertThat(publisher.read().toString()).isEqualTo("PUBCOMP id 7");
            publishComplete(publisher, 8, "lab/resend", "end");

            assertThat(receiveUntil(subscriber, "end")).containsExactly("reading-1", "end");
        }
    }

    @Test
    void aPublisherThatDropsAfterPubrecFinishesWithPubrelOnItsPersistentSession() throws Exception {
        try (RawMqttClient subscriber = subscriber("drop-watcher", "lab/drop")) {
            try (RawMqttClient publisher = client()) {
                publisher.connect("drop-sender", false, 60);
                publisher.publish(3, "lab/drop", 2, false, "valve-open");
                assertThat(publisher.read().toString()).isEqualTo("PUBREC id 3");
            } // dropped without PUBREL

            try (RawMqttClient publisher = client()) {
                assertThat(publisher.connect("drop-sender", false, 60))
                        .as("session present")
                        .isTrue();
                // a client that missed the PUBREC sends the PUBLISH again; it is not delivered again
                publisher.publish(3, "lab/drop", 2, true, "valve-open");
                assertThat(publisher.read().toString()).isEqualTo("PUBREC id 3");
                publisher.pubrel(3);
                assertThat(publisher.read().toString()).isEqualTo("PUBCOMP id 3");
                publishComplete(publisher, 4, "lab/drop", "end");
                publisher.disconnect();
            }

            assertThat(receiveUntil(subscriber, "end")).containsExactly("valve-open", "end");
        }
    }

    @Test
    void aSubscriberThatDropsBeforePubrecGetsThePublishAgainWithDup() throws Exception {
        int packetId;
        try (RawMqttClient away = client()) {
            away.connect("dup-reader", true, 60);
            away.disconnect();
        }
        try (RawMqttClient reader = client()) {
            reader.connect("dup-reader", false, 60);
            reader.subscribe(1, "lab/dup", 2);
            assertThat(reader.read().name()).isEqualTo("SUBACK");
            publishFrom("dup-writer", "lab/dup", "pressure-7");
            Packet first = reader.read();
            assertThat(first.toString()).startsWith("PUBLISH q2 id");
            assertThat(first.duplicate()).isFalse();
            packetId = first.packetId();
        } // dropped without PUBREC

        try (RawMqttClient reader = client()) {
            assertThat(reader.connect("dup-reader", false, 60)).isTrue();
            Packet again = reader.read();
            assertThat(again.toString()).isEqualTo("PUBLISH q2 dup id " + packetId);
            assertThat(again.payload311()).isEqualTo("pressure-7");
            reader.pubrec(packetId);
            assertThat(reader.read().toString()).isEqualTo("PUBREL id " + packetId);
            reader.pubcomp(packetId);
            publishFrom("dup-writer", "lab/dup", "end");
            assertThat(receiveUntil(reader, "end")).containsExactly("end");
            reader.disconnect();
        }
    }

    @Test
    void aSubscriberThatDropsAfterPubrecGetsPubrelAgainAndNotThePublish() throws Exception {
        int packetId;
        try (RawMqttClient away = client()) {
            away.connect("rel-reader", true, 60);
            away.disconnect();
        }
        try (RawMqttClient reader = client()) {
            reader.connect("rel-reader", false, 60);
            reader.subscribe(1, "lab/rel", 2);
            assertThat(reader.read().name()).isEqualTo("SUBACK");
            publishFrom("rel-writer", "lab/rel", "flow-3");
            Packet publish = reader.read();
            packetId = publish.packetId();
            assertThat(publish.payload311()).isEqualTo("flow-3");
            reader.pubrec(packetId);
            assertThat(reader.read().toString()).isEqualTo("PUBREL id " + packetId);
        } // dropped without PUBCOMP

        try (RawMqttClient reader = client()) {
            assertThat(reader.connect("rel-reader", false, 60)).isTrue();
            assertThat(reader.read().toString())
                    .as("MQTT 5 §4.4: PUBREL is sent again, the PUBLISH is not")
                    .isEqualTo("PUBREL id " + packetId);
            reader.pubcomp(packetId);
            publishFrom("rel-writer", "lab/rel", "end");
            assertThat(receiveUntil(reader, "end")).containsExactly("end");
            reader.disconnect();
        }
    }

    @Test
    void qos2MessagesForAnAbsentPersistentSubscriberWaitForItAtQos2() throws Exception {
        try (RawMqttClient reader = client()) {
            reader.connect("queued-reader", true, 60);
            reader.disconnect();
        }
        try (RawMqttClient reader = client()) {
            reader.connect("queued-reader", false, 60);
            reader.subscribe(1, "lab/queued", 2);
            assertThat(reader.read().name()).isEqualTo("SUBACK");
            reader.disconnect();
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> broker.broker.clients().stream()
                        .anyMatch(c -> c.clientId().equals("queued-reader") && !c.connected()));
        for (int i = 1; i <= 3; i++) {
            publishFrom("queued-writer", "lab/queued", "batch-" + i);
        }

        try (RawMqttClient reader = client()) {
            assertThat(reader.connect("queued-reader", false, 60)).isTrue();
            publishFrom("queued-writer", "lab/queued", "end");
            assertThat(receiveUntil(reader, "end")).containsExactly("batch-1", "batch-2", "batch-3", "end");
            reader.disconnect();
        }
    }

    @Test
    void aQos2MessageHoldsItsReceiveWindowSlotUntilPubcomp() throws Exception {
        try (RawMqttClient reader = client()) {
            reader.connect5("window-reader", true, 0, 1);
            reader.subscribe(1, "lab/window", 2);
            assertThat(reader.read().name()).isEqualTo("SUBACK");
            publishFrom("window-writer", "lab/window", "first");
            publishFrom("window-writer", "lab/window", "second");

            Packet first = reader.read();
            assertThat(first.toString()).startsWith("PUBLISH q2");
            reader.pubrec(first.packetId());
            assertThat(reader.read().toString()).isEqualTo("PUBREL id " + first.packetId());
            // Receive Maximum 1: "second" must wait for PUBCOMP (MQTT 5 §4.9), so the ping is answered first
            reader.ping();
            assertThat(reader.read().name()).isEqualTo("PINGRESP");
            reader.pubcomp(first.packetId());
            Packet second = reader.read();
            assertThat(second.toString()).startsWith("PUBLISH q2");
            assertThat(second.packetId()).isNotEqualTo(first.packetId());
        }
    }

    @Test
    void mqtt5AnswersAPubrelOrPubrecForAnUnknownPacketIdWithReason0x92() throws Exception {
        try (RawMqttClient client = client()) {
            client.connect5("unknown-ids", true, 0, 10);

            client.pubrel(41);
            Packet pubcomp = client.read();
            assertThat(pubcomp.toString()).isEqualTo("PUBCOMP id 41");
            assertThat(pubcomp.reasonCode()).isEqualTo(0x92);

            client.pubrec(42);
            Packet pubrel = client.read();
            assertThat(pubrel.toString()).isEqualTo("PUBREL id 42");
            assertThat(pubrel.reasonCode()).isEqualTo(0x92);
        }
    }

    @Test
    void withRequestProblemInformation0TheReasonCodeComesWithoutAReasonString() throws Exception {
        try (RawMqttClient client = client()) {
            client.connect5("terse", true, 0, 10, false);

            client.pubrel(43);
            Packet pubcomp = client.read();
            assertThat(pubcomp.toString()).isEqualTo("PUBCOMP id 43");
            assertThat(pubcomp.reasonCode()).isEqualTo(0x92);
            // packet id, reason code and an empty property list: no Reason String (MQTT 5 §3.1.2.11.7)
            assertThat(pubcomp.body()).hasSize(4);
        }
        try (RawMqttClient client = client()) {
            client.connect5("talkative", true, 0, 10);
            client.pubrel(44);
            assertThat(client.read().body()).as("with a Reason String").hasSizeGreaterThan(4);
        }
    }

    @Test
    void mqtt5PublishesPastTheReceiveMaximumAwaitingPubrelEndTheConnectionWith0x93() throws Exception {
        try (RawMqttClient client = client()) {
            client.connect5("greedy", true, 0, 10);
            // the broker's Receive Maximum is 100 (AWS's in-flight bound); none of these is released
            for (int id = 1; id <= 100; id++) {
                client.publish(id, "lab/greedy", 2, false, "x");
                assertThat(client.read().toString()).isEqualTo("PUBREC id " + id);
            }
            client.publish(101, "lab/greedy", 2, false, "x");
            Packet disconnect = client.read();
            assertThat(disconnect.name()).isEqualTo("DISCONNECT");
            assertThat(disconnect.body()[0] & 0xff).isEqualTo(0x93);
        }
    }

    @Test
    void aTopicAliasCarriesQos2PublishesOnMqtt5() throws Exception {
        try (RawMqttClient subscriber = subscriber("alias-watcher", "lab/alias/#");
                RawMqttClient publisher = client()) {
            publisher.connect5("alias-sender", true, 0, 10);
            publisher.publish(1, "lab/alias/long/topic", 2, false, "one", 3);
            assertThat(publisher.read().toString()).isEqualTo("PUBREC id 1");
            publisher.pubrel(1);
            assertThat(publisher.read().toString()).isEqualTo("PUBCOMP id 1");
            publisher.publish(2, "", 2, false, "end", 3);
            assertThat(publisher.read().toString()).isEqualTo("PUBREC id 2");
            publisher.pubrel(2);
            assertThat(publisher.read().toString()).isEqualTo("PUBCOMP id 2");

            assertThat(receiveUntil(subscriber, "end")).containsExactly("one", "end");
        }
    }

    @Test
    void overlappingQos1AndQos2SubscriptionsDeliverOnceAtQos2() throws Exception {
        try (RawMqttClient reader = client()) {
            reader.connect("overlap-reader", true, 60);
            reader.subscribe(1, "lab/overlap/+", 1);
            assertThat(reader.read().name()).isEqualTo("SUBACK");
            reader.subscribe(2, "lab/#", 2);
            assertThat(reader.read().name()).isEqualTo("SUBACK");
            publishFrom("overlap-writer", "lab/overlap/a", "once");
            publishFrom("overlap-writer", "lab/overlap/a", "end");

            assertThat(receiveUntil(reader, "end")).containsExactly("once", "end");
        }
    }

    /** One complete QoS 2 publish from a clean client that then disconnects. */
    private static void publishFrom(String clientId, String topic, String payload) throws Exception {
        try (RawMqttClient publisher = client()) {
            publisher.connect(clientId, true, 60);
            publishComplete(publisher, 1, topic, payload);
            publisher.disconnect();
        }
    }
}
