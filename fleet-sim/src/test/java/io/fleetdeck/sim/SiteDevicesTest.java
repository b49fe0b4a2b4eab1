package io.fleetdeck.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdeck.broker.config.BrokerLimits;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The devices of a site, each as its spec says, against the real broker, provisioning and shadow service over mutual
 * TLS; their batteries and offline spells follow a clock the test moves.
 */
class SiteDevicesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ShadowTiming QUICK = new ShadowTiming(Duration.ofMillis(300), Duration.ofMinutes(1));

    @TempDir
    Path folder;

    private final SettableClock clock = new SettableClock("2026-12-07T09:00:00Z");
    private final Map<String, JsonNode> telemetry = new ConcurrentHashMap<>();
    private final List<String> presence = new CopyOnWriteArrayList<>();
    private Database store;
    private MessageBroker broker;
    private MqttServer server;
    private FleetProvisioning provisioning;
    private ShadowService shadows;
    private ClaimBundle claim;
    private Path ca;
    private @Nullable SimulatedFleet fleet;

    @BeforeEach
    void startSite() throws Exception {
        Clock wall = Clock.systemUTC();
        ca = folder.resolve("provisioning/root-ca.pem");
        ServerIdentity identity = ServerIdentity.loadOrCreate(folder.resolve("pki"), ca, wall);
        store = Database.sqliteFile(folder.resolve("fleetdeck.db"));
        IdentityService identities =
                IdentityService.open(store, CertificateAuthority.load(folder.resolve("pki"), wall), wall);
        Registry registry = new Registry(store, wall, identities::registryChanged);
        new DeviceEnrollment(identities, registry).ensureDefaults(folder.resolve("provisioning"));
        FleetProvisioning.ensureTemplate(
                store, wall, DeviceEnrollment.DEFAULT_TEMPLATE, FleetProvisioning.DEFAULT_TEMPLATE_BODY);
        broker = new MessageBroker(BrokerLimits.awsDefaults(), wall);
        claim = new ClaimBundle(
                Files.readString(folder.resolve("provisioning/claim.cert.pem")),
                Files.readString(folder.resolve("provisioning/claim.private.key")),
                DeviceEnrollment.DEFAULT_TEMPLATE);
        server = MqttServer.start(
                broker,
                new MqttServer.Listeners(
                        "127.0.0.1", 0, identity.mutualTlsContext(identities), Optional.empty(), 1 << 20, identities));
        provisioning =
                FleetProvisioning.start(broker, identities, registry, store, wall, PreProvisioningHook.ALLOW_ALL);
        shadows = ShadowService.start(broker, store, wall, 100);
        broker.subscribe(
                "dt/+/telemetry", message -> telemetry.put(message.topic().split("/")[1], json(message.payload())));
        broker.subscribe(
                "$aws/events/presence/+/+",
                message -> presence.add(message.topic() + " "
                        + json(message.payload()).path("disconnectReason").asText()));
    }

    @AfterEach
    void stopSite() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
        shadows.close();
        provisioning.close();
        server.close();
        store.close();
    }

    private void start(DeviceSpec... specs) throws Exception {
        fleet = SimulatedFleet.start(
                new FleetEndpoint("localhost", server.tlsAddress().getPort(), ca),
                List.of(specs),
                10,
                thing -> null,
                claim,
                (thing, identity) -> {},
                QUICK,
                clock,
                15);
    }

    @Test
    void aRestartedDeviceGoesOnFromWhatItLastReportedInsteadOfStartingAfresh() throws Exception {
        shadows.update(
                "pump-101",
                "",
                "{\"state\":{\"reported\":{\"battery\":42.5,\"firmware\":\"2.0.1\",\"operatingSeconds\":7200}}}");

        start(pump("pump-101", true));

        await().atMost(Duration.ofSeconds(20)).until(() -> telemetry.containsKey("pump-101"));
        assertThat(telemetry.get("pump-101").path("battery").asDouble())
                .as("the battery it measured last, not the 100 %% it was first switched on with")
                .isEqualTo(42.5);
        await().atMost(Duration.ofSeconds(10)).until(() -> reported("pump-101").has("uptimeSeconds"));
        assertThat(reported("pump-101").path("firmware").asText()).isEqualTo("2.0.1");
        assertThat(reported("pump-101").path("battery").asDouble()).isEqualTo(42.5);
        assertThat(reported("pump-101").path("operatingSeconds").asLong()).isGreaterThanOrEqualTo(7200);
    }

    @Test
    void telemetryAndShadowCarryTheSameBatteryReadingAsItDrains() throws Exception {
        start(pump("pump-101", true));
        await().atMost(Duration.ofSeconds(20)).until(() -> telemetry.containsKey("pump-101"));
        assertThat(telemetry.get("pump-101").path("battery").asDouble()).isEqualTo(80.0);

        clock.advance(Duration.ofHours(4));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> telemetry.get("pump-101").path("battery").asDouble() == 78.0);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> reported("pump-101").path("battery").asDouble() == 78.0);
    }

    @Test
    void aDeviceWaitingForItsMaintenanceWindowLeavesTheDesiredChangePendingWhileTheOthersApplyIt() throws Exception {
        start(pump("pump-101", true), pump("pump-102", false));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> reported("pump-101").has("firmware")
                        && reported("pump-102").has("firmware"));

        shadows.update("pump-101", "", "{\"state\":{\"desired\":{\"firmware\":\"2.0.1\"}}}");
        shadows.update("pump-102", "", "{\"state\":{\"desired\":{\"firmware\":\"2.0.1\"}}}");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !shadow("pump-101").path("state").has("delta"));
        assertThat(reported("pump-101").path("firmware").asText()).isEqualTo("2.0.1");
        // the device that keeps changes waiting leaves the delta as it is, however long it is given
        await().during(QUICK.actDelay().multipliedBy(3))
                .atMost(QUICK.actDelay().multipliedBy(3).plusSeconds(5))
                .until(() -> shadow("pump-102")
                        .path("state")
                        .path("delta")
                        .path("firmware")
                        .asText()
                        .equals("2.0.1"));
        assertThat(reported("pump-102").path("firmware").asText()).isEqualTo("1.5.0");
    }

    @Test
    void aDeviceWithOfflineSpellsDisconnectsCleanlyAndComesBackOnline() throws Exception {
        OfflineSpells spells = new OfflineSpells(
                Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofMinutes(2));
        start(new DeviceSpec("flow-meter-205", false, "1.4.2", 64, BatteryModel.draining(0.3), Map.of(), true, spells));
        await().atMost(Duration.ofSeconds(20)).until(() -> telemetry.containsKey("flow-meter-205"));

        clock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> presence.contains(
                        "$aws/events/presence/disconnected/flow-meter-205 CLIENT_INITIATED_DISCONNECT"));
        telemetry.clear();
        int offlineFrom = presence.size();
        await("nothing is sent while offline")
                .during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .until(telemetry::isEmpty);

        clock.advance(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> telemetry.containsKey("flow-meter-205"));
        assertThat(presence.subList(offlineFrom, presence.size()))
                .as("back after its spell offline, on a connection of its own")
                .containsExactly("$aws/events/presence/connected/flow-meter-205 ");
    }

    private static DeviceSpec pump(String name, boolean followsDesired) {
        return new DeviceSpec(
                name,
                true,
                "1.5.0",
                80,
                BatteryModel.draining(0.5),
                Map.of("speedRpm", 1450, "mode", "auto"),
                followsDesired,
                null);
    }

    private static JsonNode json(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode reported(String thing) {
        return shadow(thing).path("state").path("reported");
    }

    /** The classic shadow's document, or an empty one while there is none. */
    private JsonNode shadow(String thing) {
        try {
            return shadows.shadows().get(thing, "", new byte[0]);
        } catch (ShadowException none) {
            return JSON.createObjectNode();
        }
    }
}
