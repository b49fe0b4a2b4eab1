package io.fleetdeck.fleet.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.server.MessageBroker;
import io.fleetdeck.broker.server.MqttServer;
import io.fleetdeck.broker.tls.ServerIdentity;
import io.fleetdeck.fleet.events.FleetEventSink;
import io.fleetdeck.fleet.store.Database;
import io.fleetdeck.fleet.store.StoreKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Registry changes reach an MQTT subscriber (Paho) on AWS's {@code $aws/events/...} topics with AWS's fields. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreKind.class)
class RegistryEventsOverMqttTest {

    private final StoreKind store;

    RegistryEventsOverMqttTest(StoreKind store) {
        this.store = store.assumeAvailable();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private Database database;
    private MqttServer server;
    private MqttClient watcher;
    private Registry registry;
    private final List<String> topics = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> payloads = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        database = store.open(folder);
        MessageBroker broker = new MessageBroker(BrokerLimits.awsDefaults(), Clock.systemUTC());
        ServerIdentity identity =
                ServerIdentity.loadOrCreate(folder.resolve("pki"), folder.resolve("ca.pem"), Clock.systemUTC());
        server = MqttServer.start(
                broker, new MqttServer.Listeners("127.0.0.1", 0, identity.serverContext(), Optional.of(0), 1 << 20));
        // the publisher reads the registry it follows: it is told of changes through a sink made before either
        AtomicReference<FleetEventSink> sink = new AtomicReference<>(FleetEventSink.NONE);
        registry = new Registry(database, Clock.systemUTC(), event -> sink.get().publish(event));
        sink.set(new RegistryEventPublisher(
                registry, (topic, payload) -> broker.publish(topic, payload, 1, false), Clock.systemUTC()));
        watcher = new MqttClient(
                "tcp://127.0.0.1:" + server.plainAddress().orElseThrow().getPort(), "ops", new MemoryPersistence());
        watcher.connect();
        watcher.subscribe("$aws/events/#", 1, (topic, message) -> {
            if (!topic.startsWith("$aws/events/subscriptions/") && !topic.startsWith("$aws/events/presence/")) {
                payloads.put(topic, JSON.readTree(message.getPayload()));
                topics.add(topic);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        watcher.disconnect();
        watcher.close();
        server.close();
        database.close();
    }

    @Test
    void everyRegistryChangeIsPublishedOnItsAwsTopic() throws Exception {
        registry.createThingType("thermostat", "room thermostats", List.of("room"));
        registry.createThing("hall-1", "thermostat", Map.of("room", "hall"));
        registry.createThingGroup("site-north", null, Map.of());
        registry.createThingGroup("floor-1", "site-north", Map.of("level", "1"));
        registry.addThingToGroup("floor-1", "hall-1");
        registry.renameThingGroup("floor-1", "ground-floor");
        registry.deleteThing("hall-1");

        List<String> expected = List.of(
                "$aws/events/thingType/thermostat/created",
                "$aws/events/thing/hall-1/created",
                "$aws/events/thingTypeAssociation/thing/hall-1/thermostat",
                "$aws/events/thingGroup/site-north/created",
                "$aws/events/thingGroup/floor-1/created",
                "$aws/events/thingGroupHierarchy/thingGroup/site-north/childThingGroup/floor-1/added",
                "$aws/events/thingGroupMembership/thingGroup/floor-1/thing/hall-1/added",
                "$aws/events/thingGroup/floor-1/deleted",
                "$aws/events/thingGroup/ground-floor/created",
                "$aws/events/thingGroupMembership/thingGroup/ground-floor/thing/hall-1/added",
                "$aws/events/thing/hall-1/deleted");
        await().atMost(Duration.ofSeconds(5)).until(() -> topics.size() >= expected.size());
        assertThat(topics).containsExactlyElementsOf(expected);

        JsonNode created = payloads.get("$aws/events/thing/hall-1/created");
        assertThat(created.path("eventType").asText()).isEqualTo("THING_EVENT");
        assertThat(created.path("operation").asText()).isEqualTo("CREATED");
        assertThat(created.path("thingName").asText()).isEqualTo("hall-1");
        assertThat(created.path("thingTypeName").asText()).isEqualTo("thermostat");
        assertThat(created.path("versionNumber").asLong()).isEqualTo(1);
        assertThat(created.path("attributes")).isEqualTo(JSON.readTree("{\"room\":\"hall\"}"));
        assertThat(created.path("eventId").asText()).isNotBlank();

        JsonNode group = payloads.get("$aws/events/thingGroup/ground-floor/created");
        assertThat(group.path("eventType").asText()).isEqualTo("THING_GROUP_EVENT");
        assertThat(group.path("parentGroupName").asText()).isEqualTo("site-north");
        assertThat(group.path("rootToParentThingGroups").get(0).path("groupArn").asText())
                .endsWith(":thinggroup/site-north");
        assertThat(group.path("attributes")).isEqualTo(JSON.readTree("{\"level\":\"1\"}"));

        JsonNode membership = payloads.get("$aws/events/thingGroupMembership/thingGroup/floor-1/thing/hall-1/added");
        assertThat(membership.path("eventType").asText()).isEqualTo("THING_GROUP_MEMBERSHIP_EVENT");
        assertThat(membership.path("operation").asText()).isEqualTo("ADDED");
        assertThat(membership.path("thingArn").asText()).endsWith(":thing/hall-1");
        assertThat(membership.path("thingId").asText())
                .as("a thing's id is the same in every event")
                .isEqualTo(created.path("thingId").asText());
    }
}
