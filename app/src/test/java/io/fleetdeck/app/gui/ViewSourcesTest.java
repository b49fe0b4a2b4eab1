package io.fleetdeck.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.api.error.InvalidQueryException;
import io.fleetdeck.api.error.InvalidRequestException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.error.ShadowRejectedException;
import io.fleetdeck.api.event.EventKind;
import io.fleetdeck.api.event.EventPump;
import io.fleetdeck.api.event.SubscriptionOptions;
import io.fleetdeck.api.groups.GroupService;
import io.fleetdeck.api.groups.ThingGroupSummary;
import io.fleetdeck.api.page.PageReader;
import io.fleetdeck.api.shadows.ShadowService;
import io.fleetdeck.api.things.FleetOverview;
import io.fleetdeck.api.things.ThingDetail;
import io.fleetdeck.api.things.ThingOverview;
import io.fleetdeck.api.things.ThingService;
import io.fleetdeck.app.service.LocalFleetOverview;
import io.fleetdeck.app.service.LocalGroups;
import io.fleetdeck.app.service.LocalShadows;
import io.fleetdeck.app.service.LocalThings;
import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.server.MessageBroker;
import io.fleetdeck.broker.server.MqttServer;
import io.fleetdeck.broker.tls.CertificateAuthority;
import io.fleetdeck.broker.tls.ServerIdentity;
import io.fleetdeck.fleet.connectivity.ConnectivityTracker;
import io.fleetdeck.fleet.connectivity.LastSeen;
import io.fleetdeck.fleet.events.FleetEventHub;
import io.fleetdeck.fleet.events.FleetEventSink;
import io.fleetdeck.fleet.identity.IdentityService;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.shadow.ShadowLimits;
import io.fleetdeck.fleet.shadow.Shadows;
import io.fleetdeck.fleet.store.Database;
import io.fleetdeck.index.DynamicThingGroups;
import io.fleetdeck.index.FleetIndex;
import io.fleetdeck.index.FleetQuery;
import io.fleetdeck.index.IndexAnnouncements;
import io.fleetdeck.index.IndexFollower;
import io.fleetdeck.index.ThingDocuments;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The views' sources over the real services on a real SQLite store: what the Fleet, Thing and Groups sections read,
 * what their actions do, and the changes they hear of.
 */
class ViewSourcesTest {

    @TempDir
    Path folder;

    private Database database;
    private Registry registry;
    private Shadows shadows;
    private IdentityService identities;
    private MessageBroker broker;
    private ConnectivityTracker connectivity;
    private final FleetEventHub events = new FleetEventHub();

    /** The index as an instance runs it: following the events and announcing what it wrote. */
    private FleetIndex followingIndex() {
        FleetIndex index =
                FleetIndex.open(folder.resolve("index"), new ThingDocuments(registry, shadows, connectivity::of));
        IndexFollower follower = IndexFollower.start(index, events, group -> registry.thingsInGroup(group, false));
        index.beforeClose(follower::close);
        index.onIndexed(new IndexAnnouncements(events));
        return index;
    }

    private final Clock clock = Clock.systemUTC();

    @BeforeEach
    void open() throws Exception {
        ServerIdentity.loadOrCreate(folder.resolve("pki"), folder.resolve("ca.pem"), clock);
        database = Database.sqliteFile(folder.resolve("fleetdeck.db"));
        identities = IdentityService.open(database, CertificateAuthority.load(folder.resolve("pki"), clock), clock);
        registry = new Registry(database, clock, ((FleetEventSink) identities::registryChanged).andThen(events));
        shadows = new Shadows(database, clock, ShadowLimits.awsDefaults(), events);
        broker = new MessageBroker(BrokerLimits.awsDefaults(), clock);
        connectivity = new ConnectivityTracker(broker, events);
        registry.createThingGroup("site-north", null, Map.of("region", "north"));
        registry.createThingGroup("floor-1", "site-north", Map.of());
        registry.createThing("pump-7", null, Map.of("firmwareVersion", "2.1.0"));
        registry.createThing("pump-8", null, Map.of("firmwareVersion", "1.10"));
        registry.addThingToGroup("floor-1", "pump-7");
        registry.addThingToGroup("site-north", "pump-8");
    }

    @AfterEach
    void close() {
        connectivity.close();
        shadows.close();
        database.close();
    }

    private void update(String thing, String json) throws Exception {
        shadows.update(thing, "", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fleetRowsShowEachThingsGroupsShadowFirmwareAndConnection() throws Exception {
        FleetIndex index = followingIndex();
        FleetOverview fleet = new LocalFleetOverview(
                registry,
                shadows,
                thing -> connectivity
                        .of(thing)
                        .map(seen -> new ThingDetail.Connectivity(
                                seen.connected(), seen.timestamp(), seen.disconnectReason())),
                () -> index);
        Set<String> heard = ConcurrentHashMap.newKeySet();
        AutoCloseable listening = EventPump.start(
                "test-indexed",
                events.subscribe(SubscriptionOptions.forView("test", EventKind.THING_INDEXED)),
                batch -> batch.forEach(event -> heard.add(event.subject())));
        update("pump-7", "{\"state\":{\"desired\":{\"speed\":1200},\"reported\":{\"speed\":900}}}");
        broker.publish(
                "$aws/events/presence/connected/pump-7",
                "{\"clientId\":\"pump-7\",\"timestamp\":1795000000000,\"eventType\":\"connected\"}"
                        .getBytes(StandardCharsets.UTF_8),
                1,
                false);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> fleet.things(List.of("pump-7")).stream().anyMatch(ThingOverview::connected));

        List<ThingOverview> rows = fleet.allThings();
        assertThat(rows).extracting(ThingOverview::name).containsExactly("pump-7", "pump-8");
        ThingOverview pump = rows.getFirst();
        assertThat(pump.groups()).containsExactly("floor-1");
        assertThat(pump.shadowVersion()).isEqualTo(1);
        assertThat(pump.pendingDeltaFields()).isEqualTo(1);
        assertThat(pump.firmwareVersion()).isEqualTo("2.1.0");
        assertThat(pump.lastSeen()).isNotNull();
        assertThat(rows.get(1).hasShadow()).isFalse();
        assertThat(rows.get(1).connected()).isFalse();

        assertThat(heard).as("the index announced pump-7 once it wrote it").contains("pump-7");
        assertThat(fleet.things(List.of("pump-7", "pump-8")))
                .as("a changed thing's row, as the index wrote it, is the row the store gives")
                .containsExactlyInAnyOrderElementsOf(rows);
        assertThat(rows.get(1).firmwareVersion())
                .as("an attribute keeps its text")
                .isEqualTo("1.10");
        registry.moveThing("pump-8", "site-north", "floor-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains("pump-8"));
        listening.close();
        heard.clear();
        registry.deleteThing("pump-8");
        await().atMost(Duration.ofSeconds(5)).until(() -> index.count(FleetQuery.parse("thingName:pump-8")) == 0);
        assertThat(fleet.things(List.of("pump-8")))
                .as("a deleted thing is missing from the answer")
                .isEmpty();
        index.close();
        assertThat(heard).as("a closed subscription hears nothing").isEmpty();
    }

    @Test
    void theFleetRowsLastSeenMovesOnWhileAConnectedDevicePublishes() throws Exception {
        ServerIdentity identity = ServerIdentity.loadOrCreate(folder.resolve("pki"), folder.resolve("ca.pem"), clock);
        LastSeen lastSeen = LastSeen.start(broker.clientActivity(), events, Clock.systemUTC(), Duration.ofMillis(200));
        FleetIndex index = FleetIndex.open(
                folder.resolve("index"), new ThingDocuments(registry, shadows, connectivity::of, lastSeen::of));
        IndexFollower follower = IndexFollower.start(index, events, group -> registry.thingsInGroup(group, false));
        index.beforeClose(follower::close);
        FleetOverview fleet = new LocalFleetOverview(registry, shadows, thing -> Optional.empty(), () -> index);
        try (MqttServer server = MqttServer.start(
                broker, new MqttServer.Listeners("127.0.0.1", 0, identity.serverContext(), Optional.of(0), 1 << 20))) {
            // one connection, a message per line on its input, as a device publishing telemetry
            Process device = new ProcessBuilder(
                            "mosquitto_pub",
                            "-h",
                            "127.0.0.1",
                            "-p",
                            Integer.toString(server.plainAddress().orElseThrow().getPort()),
                            "-i",
                            "pump-8",
                            "-t",
                            "dt/pump-8/telemetry",
                            "-l")
                    .redirectErrorStream(true)
                    .start();
            try (Writer messages = new OutputStreamWriter(device.getOutputStream(), StandardCharsets.UTF_8)) {
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> connectivity.of("pump-8").isPresent());
                Instant connected = connectivity.of("pump-8").orElseThrow().timestamp();

                // the device keeps publishing, as it does in the field, until one message is seen after the connect
                await("last seen moved past the connect while the device stays connected")
                        .atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> {
                            messages.write("{\"battery\":81}\n");
                            messages.flush();
                            return fleet.things(List.of("pump-8"))
                                    .getFirst()
                                    .lastSeen()
                                    .isAfter(connected);
                        });
                assertThat(connectivity.of("pump-8").orElseThrow().connected()).isTrue();
            } finally {
                device.destroy();
                device.waitFor();
                lastSeen.close();
                index.close();
            }
        }
    }

    @Test
    void theThingViewSeesDetailSendsDesiredAndGetsConflictsAndHistory() throws Exception {
        ShadowService shadowService = new LocalShadows(shadows, () -> null, registry::thingNames);
        ThingService things = new LocalThings(
                registry,
                thing -> identities.principalsOf(thing).stream()
                        .map(id -> new ThingDetail.Certificate(id, "ACTIVE"))
                        .toList(),
                thing -> connectivity
                        .of(thing)
                        .map(seen -> new ThingDetail.Connectivity(
                                seen.connected(), seen.timestamp(), seen.disconnectReason())),
                shadowService);
        update("pump-7", "{\"state\":{\"reported\":{\"speed\":900}}}");
        shadows.update(
                "pump-7", "config", "{\"state\":{\"desired\":{\"interval\":30}}}".getBytes(StandardCharsets.UTF_8));

        ThingDetail detail = things.inspectThing("pump-7");
        assertThat(detail.groups()).containsExactly("floor-1");
        assertThat(detail.attributes()).containsEntry("firmwareVersion", "2.1.0");
        assertThat(detail.shadowNames()).containsExactly("", "config");
        assertThat(detail.connectivity()).as("never seen by the broker").isNull();

        var accepted = shadowService.updateThingShadow(
                "pump-7", "", "{\"state\":{\"desired\":{\"speed\":1200}},\"version\":1}");
        assertThat(accepted.version()).isEqualTo(2);
        var after = shadowService.getThingShadow("pump-7", "");
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.json()).contains("\"delta\":{\"speed\":1200}");
        assertThatThrownBy(() -> shadowService.updateThingShadow(
                        "pump-7", "", "{\"state\":{\"desired\":{\"speed\":1}},\"version\":1}"))
                .isInstanceOfSatisfying(ShadowRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("Version conflict");
                    assertThat(e.errorCode()).isEqualTo("ConflictException");
                });
        assertThat(shadowService.shadowHistory("pump-7", ""))
                .extracting(d -> d.version())
                .containsExactly(2L, 1L);
        assertThatThrownBy(() -> shadowService.getThingShadow("pump-8", ""))
                .isInstanceOfSatisfying(ShadowRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
                });
    }

    @Test
    void theGroupsViewSeesCountsAndPoliciesAndChangesTheHierarchy() throws Exception {
        GroupService groups = new LocalGroups(registry, identities, () -> {
            throw new IllegalStateException("no index in this test");
        });
        identities.createPolicy(
                "north-telemetry",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\","
                        + "\"Resource\":\"*\"}]}");
        identities.attachPolicyToGroup("north-telemetry", "site-north");
        AtomicInteger told = new AtomicInteger();
        AutoCloseable listening = groupEvents(told);

        assertThat(groups.thingGroupHierarchy())
                .extracting(ThingGroupSummary::name, ThingGroupSummary::directMembers, ThingGroupSummary::totalMembers)
                .containsExactly(tuple("site-north", 1, 2), tuple("floor-1", 1, 1));
        assertThat(groups.thingGroupHierarchy().getFirst().policies()).containsExactly("north-telemetry");

        groups.createThingGroup("floor-2", "site-north");
        groups.moveThing("pump-7", "floor-1", "floor-2");
        assertThat(members(groups, "floor-2")).containsExactly("pump-7");
        groups.renameThingGroup("floor-2", "ground-floor");
        groups.moveThingGroup("ground-floor", null);
        assertThat(groups.thingGroupHierarchy())
                .filteredOn(node -> node.name().equals("ground-floor"))
                .singleElement()
                .satisfies(node -> assertThat(node.parent()).isNull());
        assertThatThrownBy(() -> groups.deleteThingGroup("site-north"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("thing group site-north has child groups (floor-1); delete or move them first");
        await().atMost(Duration.ofSeconds(5)).until(() -> told.get() > 0);
        int before = told.get();
        groups.deleteThingGroup("floor-1");
        await().atMost(Duration.ofSeconds(5))
                .alias("the last change reached the view")
                .until(() -> told.get() > before);
        listening.close();
    }

    @Test
    void theGroupsViewSetsAGroupsOwnAttributesAndTheRegistryRefusesBadOnesInItsWords() throws Exception {
        GroupService groups = new LocalGroups(registry, identities, () -> {
            throw new IllegalStateException("no index in this test");
        });

        ThingGroupSummary saved =
                groups.updateThingGroupAttributes("floor-1", Map.of("wing", "east", "address", "Quay-road-12"));
        assertThat(saved.attributes()).containsExactly(Map.entry("address", "Quay-road-12"), Map.entry("wing", "east"));
        groups.updateThingGroupAttributes("floor-1", Map.of("wing", "west"));
        assertThat(groups.describeThingGroup("floor-1").attributes()).containsExactly(Map.entry("wing", "west"));

        assertThatThrownBy(() -> groups.updateThingGroupAttributes("floor-1", Map.of("wing", "east side")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("attribute wing=east side has characters AWS does not allow");
        assertThatThrownBy(() -> groups.updateThingGroupAttributes("floor-9", Map.of()))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("no thing group named floor-9");
    }

    @Test
    void theGroupsViewCreatesADynamicGroupAndSeesItsMembershipFollowTheFleet() throws Exception {
        try (FleetIndex index = followingIndex();
                DynamicThingGroups dynamicGroups = DynamicThingGroups.start(registry, index, events)) {
            GroupService groups = new LocalGroups(registry, identities, () -> dynamicGroups);
            AtomicInteger told = new AtomicInteger();
            AutoCloseable listening = groupEvents(told);
            update("pump-8", "{\"state\":{\"reported\":{\"battery\":12}}}");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> index.count(FleetQuery.parse("shadow.reported.battery<20")) == 1);

            groups.createDynamicThingGroup("low-battery", "shadow.reported.battery<20");

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> members(groups, "low-battery").equals(List.of("pump-8")));
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(groups.thingGroupHierarchy())
                            .filteredOn(ThingGroupSummary::isDynamic)
                            .singleElement()
                            .satisfies(node -> {
                                assertThat(node.dynamicQuery()).isEqualTo("shadow.reported.battery<20");
                                assertThat(node.dynamicStatus()).isEqualTo("ACTIVE");
                                assertThat(node.directMembers()).isEqualTo(1);
                                assertThat(node.parent()).isNull();
                            }));
            await().atMost(Duration.ofSeconds(5)).until(() -> told.get() > 0);
            int before = told.get();
            update("pump-7", "{\"state\":{\"reported\":{\"battery\":3}}}");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> members(groups, "low-battery").equals(List.of("pump-7", "pump-8")));
            await().atMost(Duration.ofSeconds(5))
                    .alias("a dynamic membership change reaches the view")
                    .until(() -> told.get() > before);
            listening.close();

            assertThatThrownBy(() -> groups.createDynamicThingGroup("broken", "shadow.reported.battery<"))
                    .isInstanceOfSatisfying(
                            InvalidQueryException.class,
                            refused -> assertThat(refused.position()).isEqualTo(24))
                    .hasMessageContaining("column 25");
            assertThatThrownBy(() -> groups.moveThing("pump-7", null, "low-battery"))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("its query chooses its members");
        }
    }

    /** Counts the batches of group, hierarchy and membership events, as the Groups view hears them. */
    private AutoCloseable groupEvents(AtomicInteger told) {
        return EventPump.start(
                "test-group-events",
                events.subscribe(SubscriptionOptions.forView(
                        "test", EventKind.GROUP_CHANGED, EventKind.HIERARCHY_CHANGED, EventKind.MEMBERSHIP_CHANGED)),
                batch -> told.incrementAndGet());
    }

    private static List<String> members(GroupService groups, String group) throws Exception {
        return PageReader.readAll(page -> groups.listThingsInThingGroup(group, false, page));
    }
}
