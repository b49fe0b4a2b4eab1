package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.config.RateQuotas;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With --aws-quotas the broker holds clients to AWS IoT Core's rates (AWS-IOT-BEHAVIOUR §9). */
class AwsQuotasTest {

    @TempDir
    Path folder;

    private final SettableClock clock = new SettableClock();

    private RunningBroker start() throws Exception {
        return RunningBroker.start(folder, BrokerLimits.awsDefaults(), RateQuotas.aws(), clock);
    }

    @Test
    void publishesPastOneHundredASecondOnOneConnectionAreDiscardedAndCounted() throws Exception {
        try (RunningBroker broker = start();
                var watcher = Mosquitto.sub("-d", "-h", "127.0.0.1", "-p", port(broker), "-t", "flood/#")) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> watcher.lines().stream().anyMatch(line -> line.contains("SUBACK")));

            var flood = Mosquitto.pub(
                    "-h",
                    "127.0.0.1",
                    "-p",
                    port(broker),
                    "-i",
                    "chatty-1",
                    "-t",
                    "flood/a",
                    "-m",
                    "x",
                    "--repeat",
                    "300");

            assertThat(flood.exitCode()).isZero();
            // the clock stands still, so the connection has its one second's worth: 100 publishes
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> broker.broker.stats().traffic().throttled() == 200);
            assertThat(broker.broker.stats().traffic().messagesIn()).isEqualTo(100);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> watcher.lines().stream().filter("x"::equals).count() == 100);
        }
    }

    @Test
    void aSecondConnectWithinTheSameSecondIsRefused() throws Exception {
        try (RunningBroker broker = start();
                RawMqttClient first = new RawMqttClient(broker.plainPort());
                RawMqttClient second = new RawMqttClient(broker.plainPort());
                RawMqttClient later = new RawMqttClient(broker.plainPort())) {
            first.connect("loop-1", true, 60);

            assertThatThrownBy(() -> second.connect("loop-1", true, 60))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("connection refused");

            clock.advance(Duration.ofSeconds(1));
            later.connect("loop-1", true, 60);
        }
    }

    @Test
    void storedMessagesAreReplayedAtTenASecond() throws Exception {
        try (RunningBroker broker = start()) {
            try (RawMqttClient logger = new RawMqttClient(broker.plainPort())) {
                logger.connect("logger-1", false, 60);
                logger.subscribe(1, "alerts/#", 1);
                assertThat(logger.read().type()).as("SUBACK").isEqualTo(0x90);
                logger.disconnect();
            }
            clock.advance(Duration.ofSeconds(2)); // past the connect rate for logger-1
            var sent = Mosquitto.pub(
                    "-h",
                    "127.0.0.1",
                    "-p",
                    port(broker),
                    "-q",
                    "1",
                    "-t",
                    "alerts/door",
                    "-m",
                    "open",
                    "--repeat",
                    "30");
            assertThat(sent.exitCode()).isZero();

            try (RawMqttClient logger = new RawMqttClient(broker.plainPort())) {
                assertThat(logger.connect("logger-1", false, 60))
                        .as("session present")
                        .isTrue();
                assertThat(readPublishes(logger, 500))
                        .as("the first second's replay")
                        .hasSize(10);

                clock.advance(Duration.ofSeconds(1));
                assertThat(readPublishes(logger, 1500)).as("the next second's").hasSize(10);

                clock.advance(Duration.ofSeconds(5));
                assertThat(readPublishes(logger, 1500)).as("the rest").hasSize(10);
            }
        }
    }

    /** Every PUBLISH that arrives until none has come for {@code quietMillis}. */
    private static List<RawMqttClient.Packet> readPublishes(RawMqttClient client, int quietMillis) throws IOException {
        client.setReadTimeout(quietMillis);
        List<RawMqttClient.Packet> publishes = new ArrayList<>();
        try {
            while (true) {
                RawMqttClient.Packet packet = client.read();
                if (packet.isPublish()) {
                    publishes.add(packet);
                }
            }
        } catch (SocketTimeoutException quiet) {
            return publishes;
        }
    }

    private static String port(RunningBroker broker) {
        return Integer.toString(broker.plainPort());
    }
}
