package io.fleetdeck.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.broker.MqttChannel;
import io.fleetdeck.broker.metrics.ClientStats;
import io.fleetdeck.broker.server.BrokerLimits;
import io.fleetdeck.broker.server.MessageBroker;
import io.fleetdeck.broker.server.MqttServer;
import io.fleetdeck.broker.tls.ServerIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated fleet against a real broker over TLS, as the console's demo runs it. */
class SimulatedFleetTest {

    @TempDir
    Path folder;

    @Test
    void everyDevicePublishesTelemetryOverTlsWithBothMqttVersions() throws Exception {
        Path ca = folder.resolve("provisioning/root-ca.pem");
        ServerIdentity identity = ServerIdentity.loadOrCreate(folder.resolve("pki"), ca, Clock.systemUTC());
        MessageBroker broker = new MessageBroker(BrokerLimits.awsDefaults(), Clock.systemUTC());
        try (MqttServer server = MqttServer.start(
                broker,
                new MqttServer.Listeners("127.0.0.1", 0, identity.serverContext(), Optional.empty(), 1 << 20))) {
            Map<String, AtomicInteger> readings = new ConcurrentHashMap<>();
            try (MqttChannel.Subscription telemetry = broker.subscribe("dt/+/telemetry", message -> {
                        assertThat(new String(message.payload(), StandardCharsets.UTF_8))
                                .contains("\"temperature\":", "\"battery\":", "\"rssi\":", "\"timestamp\":");
                        readings.computeIfAbsent(message.topic().split("/")[1], k -> new AtomicInteger())
                                .incrementAndGet();
                    });
                    SimulatedFleet fleet = SimulatedFleet.start(
                            new FleetEndpoint("localhost", server.tlsAddress().getPort(), ca), "sim-pump", 6, 20)) {

                assertThat(fleet.thingNames())
                        .containsExactly(
                                "sim-pump-001",
                                "sim-pump-002",
                                "sim-pump-003",
                                "sim-pump-004",
                                "sim-pump-005",
                                "sim-pump-006");
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> readings.size() == 6
                                && readings.values().stream().allMatch(count -> count.get() >= 10));
                assertThat(broker.clients())
                        .extracting(ClientStats::connection)
                        .extracting(connection -> connection.protocolVersion())
                        .containsOnly(4, 5)
                        .contains(4, 5);
            }
        }
    }

    @Test
    void aRateAboveWhatAwsAllowsAConnectionIsRefused() {
        FleetEndpoint nowhere = new FleetEndpoint("localhost", 1, folder.resolve("none.pem"));
        assertThatThrownBy(() -> SimulatedFleet.start(nowhere, "sim", 1, 101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 100 messages a second");
    }
}
