package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.metrics.ClientStats;
import io.fleetdeck.broker.metrics.TrafficCounters.Traffic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What waits for a client that is away is bounded as Mosquitto bounds it ({@code max_queued_messages},
 * {@code max_queued_bytes}): past a bound further QoS 1 messages are dropped, counted per client with the reason, and
 * the ones kept arrive in order when it comes back.
 */
class QueueBoundsTest {

    @TempDir
    Path folder;

    @Test
    void pastTheBoundOfMessagesTheRestIsDroppedAndCounted() throws Exception {
        List<String> arrived = awayThenBack(BrokerLimits.awsDefaults().withQueueBounds(5, 0), 10);

        assertThat(arrived).containsExactly("m0", "m1", "m2", "m3", "m4");
        Traffic traffic = traffic("valve-2");
        assertThat(traffic.droppedQos1()).isEqualTo(5);
        assertThat(traffic.droppedQueueBytes()).isZero();
    }

    @Test
    void pastTheBoundOfBytesTheRestIsDroppedAndCounted() throws Exception {
        // each payload is 100 bytes: 250 bytes hold two of them
        List<String> arrived = awayThenBack(BrokerLimits.awsDefaults().withQueueBounds(0, 250), 10);

        assertThat(arrived).containsExactly("m0", "m1");
        Traffic traffic = traffic("valve-2");
        assertThat(traffic.droppedQueueBytes()).isEqualTo(8);
        assertThat(traffic.droppedQos1()).isZero();
    }

    @Test
    void withNoBoundsEverythingWaits() throws Exception {
        List<String> arrived = awayThenBack(BrokerLimits.awsDefaults().withQueueBounds(0, 0), 1500);

        assertThat(arrived).hasSize(1500);
        assertThat(traffic("valve-2").dropped()).isZero();
    }

    private RunningBroker broker;

    private List<String> awayThenBack(BrokerLimits limits, int messages) throws Exception {
        broker = RunningBroker.start(folder, limits);
        try (RawMqttClient device = new RawMqttClient(broker.plainPort())) {
            device.connect("valve-2", false, 60);
            device.subscribe(1, "cmd/valve-2", 1);
            assertThat(device.read().type()).as("SUBACK").isEqualTo(0x90);
            device.disconnect();
            assertThat(device.closedByBroker()).isTrue();
        }
        for (int i = 0; i < messages; i++) {
            broker.broker.publish("cmd/valve-2", payload("m" + i), 1, false);
        }
        List<String> arrived = new ArrayList<>();
        try (RawMqttClient back = new RawMqttClient(broker.plainPort())) {
            assertThat(back.connect("valve-2", false, 60)).as("session present").isTrue();
            back.setReadTimeout(1_000);
            RawMqttClient.Packet next;
            while ((next = back.readOrNull()) != null) {
                if (next.isPublish()) {
                    arrived.add(next.payloadText().strip());
                    back.puback(next.packetId());
                }
            }
        }
        return arrived;
    }

    private Traffic traffic(String clientId) {
        return broker.broker.clients().stream()
                .filter(client -> client.clientId().equals(clientId))
                .map(ClientStats::traffic)
                .findFirst()
                .orElseThrow();
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static byte[] payload(String text) {
        return String.format("%-100s", text).getBytes();
    }
}
