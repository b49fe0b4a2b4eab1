package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.broker.config.BrokerLimits;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session rules seen from the wire, with a client that misbehaves on purpose. */
class SessionRulesTest {

    @TempDir
    Path folder;

    @Test
    void anUnacknowledgedQos1MessageIsSentAgainWithDupAfterReconnect() throws Exception {
        try (RunningBroker broker = RunningBroker.start(folder)) {
            try (RawMqttClient device = new RawMqttClient(broker.plainPort())) {
                assertThat(device.connect("valve-9", false, 60)).isFalse();
                device.subscribe(1, "cmd/valve-9", 1);
                assertThat(device.read().type()).as("SUBACK").isEqualTo(0x90);

                broker.broker.publish("cmd/valve-9", "close".getBytes(), 1, false);
                RawMqttClient.Packet first = device.read();
                assertThat(first.isPublish()).isTrue();
                assertThat(first.duplicate()).isFalse();
                // no PUBACK: the connection drops with the message unacknowledged
                int packetId = first.packetId();
                device.close();

                try (RawMqttClient again = new RawMqttClient(broker.plainPort())) {
                    assertThat(again.connect("valve-9", false, 60))
                            .as("session present")
                            .isTrue();
                    RawMqttClient.Packet resent = again.read();

                    assertThat(resent.isPublish()).isTrue();
                    assertThat(resent.duplicate()).as("DUP set on redelivery").isTrue();
                    assertThat(resent.packetId()).isEqualTo(packetId);
                    again.disconnect();
                }
            }
        }
    }

    @Test
    void aSilentClientIsDisconnectedAfterOneAndAHalfKeepAlives() throws Exception {
        BrokerLimits quick =
                new BrokerLimits(128, 256, 7, 128 * 1024, 8, 50, 1, 1200, Duration.ofHours(1), 1000, 100, 8);
        try (RunningBroker broker = RunningBroker.start(folder, quick);
                RawMqttClient device = new RawMqttClient(broker.plainPort())) {
            device.connect("sleepy-1", true, 1);
            device.setReadTimeout(5_000);
            long start = System.nanoTime();

            assertThat(device.closedByBroker()).isTrue();

            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).as("closed after about 1.5 s of silence").isBetween(1_200L, 4_000L);
        }
    }
}
