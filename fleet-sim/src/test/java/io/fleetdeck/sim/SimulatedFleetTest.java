package io.fleetdeck.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.broker.MqttChannel;
import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.metrics.ClientStats;
import io.fleetdeck.broker.server.MessageBroker;
import io.fleetdeck.broker.server.MqttServer;
import io.fleetdeck.broker.tls.CertificateAuthority;
import io.fleetdeck.broker.tls.ServerIdentity;
import io.fleetdeck.fleet.identity.DeviceEnrollment;
import io.fleetdeck.fleet.identity.IdentityService;
import io.fleetdeck.fleet.provisioning.FleetProvisioning;
import io.fleetdeck.fleet.provisioning.PreProvisioningHook;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.shadow.ShadowException;
import io.fleetdeck.fleet.shadow.ShadowService;
import io.fleetdeck.fleet.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    void devicesWithoutCertificatesProvisionThemselvesByClaimAndThenPublishWithTheirOwn() throws Exception {
        Clock clock = Clock.systemUTC();
        Path ca = folder.resolve("provisioning/root-ca.pem");
        ServerIdentity identity = ServerIdentity.loadOrCreate(folder.resolve("pki"), ca, clock);
        try (Database store = Database.sqliteFile(folder.resolve("fleetdeck.db"))) {
            IdentityService identities =
                    IdentityService.open(store, CertificateAuthority.load(folder.resolve("pki"), clock), clock);
            Registry registry = new Registry(store, clock, identities::registryChanged);
            new DeviceEnrollment(identities, registry).ensureDefaults(folder.resolve("provisioning"));
            FleetProvisioning.ensureTemplate(
                    store, clock, DeviceEnrollment.DEFAULT_TEMPLATE, FleetProvisioning.DEFAULT_TEMPLATE_BODY);
            MessageBroker broker = new MessageBroker(BrokerLimits.awsDefaults(), clock);
            Map<String, DeviceIdentity> kept = new ConcurrentHashMap<>();
            ClaimBundle claim = new ClaimBundle(
                    Files.readString(folder.resolve("provisioning/claim.cert.pem")),
                    Files.readString(folder.resolve("provisioning/claim.private.key")),
                    DeviceEnrollment.DEFAULT_TEMPLATE);
            try (MqttServer server = MqttServer.start(
                            broker,
                            new MqttServer.Listeners(
                                    "127.0.0.1",
                                    0,
                                    identity.mutualTlsContext(identities),
                                    Optional.empty(),
                                    1 << 20,
                                    identities));
                    FleetProvisioning provisioning = FleetProvisioning.start(
                            broker, identities, registry, store, clock, PreProvisioningHook.ALLOW_ALL);
                    ShadowService shadows = ShadowService.start(broker, store, clock, 100)) {
                Map<String, AtomicInteger> readings = new ConcurrentHashMap<>();
                try (MqttChannel.Subscription telemetry = broker.subscribe(
                                "dt/+/telemetry",
                                message -> readings.computeIfAbsent(
                                                message.topic().split("/")[1], k -> new AtomicInteger())
                                        .incrementAndGet());
                        SimulatedFleet fleet = SimulatedFleet.start(
                                new FleetEndpoint(
                                        "localhost", server.tlsAddress().getPort(), ca),
                                "factory-pump",
                                3,
                                10,
                                thing -> null,
                                claim,
                                kept::put,
                                new ShadowTiming(Duration.ofMillis(500), Duration.ofMillis(700)))) {
                    await().atMost(Duration.ofSeconds(20))
                            .until(() -> readings.size() == 3
                                    && readings.values().stream().allMatch(count -> count.get() >= 3));

                    // each device reported its state; told a new setpoint, it acts on it and reports it back
                    await().atMost(Duration.ofSeconds(10))
                            .until(() -> shadowOf(shadows, "factory-pump-002").contains("\"firmware\":\"1.4.2\""));
                    assertThat(shadows.shadows()
                                    .get("factory-pump-002", "config", new byte[0])
                                    .toString())
                            .contains("\"sampleIntervalSeconds\":5");
                    shadows.update("factory-pump-002", "", "{\"state\":{\"desired\":{\"setpoint\":23.5}}}");
                    await().atMost(Duration.ofSeconds(15))
                            .until(() -> !shadowOf(shadows, "factory-pump-002").contains("\"delta\""));
                    assertThat(shadowOf(shadows, "factory-pump-002")).contains("\"setpoint\":23.5");
                    // and unasked, every so often, the readings that change by themselves
                    await().atMost(Duration.ofSeconds(10))
                            .until(() -> shadowOf(shadows, "factory-pump-003").contains("\"uptimeSeconds\""));
                    assertThat(shadowOf(shadows, "factory-pump-003"))
                            .contains("\"battery\":100.0", "\"operatingSeconds\":");
                }
            }
            assertThat(kept).containsOnlyKeys("factory-pump-001", "factory-pump-002", "factory-pump-003");
            assertThat(identities.thing("factory-pump-002").orElseThrow().attributes())
                    .containsEntry("serial", "factory-pump-002");
            assertThat(identities.principalsOf("factory-pump-002")).hasSize(1);
        }
    }

    /** The classic shadow's document as JSON text, or "" while there is none. */
    private static String shadowOf(ShadowService shadows, String thing) {
        try {
            return shadows.shadows().get(thing, "", new byte[0]).toString();
        } catch (ShadowException none) {
            return "";
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
