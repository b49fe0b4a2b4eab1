package io.fleetdeck.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.api.event.EventKind;
import io.fleetdeck.api.event.EventSubscription;
import io.fleetdeck.api.event.FleetEvent.ThingIndexed;
import io.fleetdeck.api.event.SubscriptionOptions;
import io.fleetdeck.fleet.connectivity.ConnectivityTracker.Connectivity;
import io.fleetdeck.fleet.events.FleetEventHub;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.shadow.ShadowLimits;
import io.fleetdeck.fleet.shadow.Shadows;
import io.fleetdeck.fleet.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet index over the real registry and shadows on SQLite: things found by registry, shadow and connectivity
 * fields; a change searchable at once; rebuilt from the store when its folder is missing or broken.
 */
class FleetIndexTest {

    @TempDir
    Path folder;

    private Database database;
    private Registry registry;
    private Shadows shadows;
    private ThingDocuments source;
    private final FleetEventHub events = new FleetEventHub();

    @BeforeEach
    void open() throws Exception {
        database = Database.sqliteFile(folder.resolve("fleetdeck.db"));
        registry = new Registry(database, Clock.systemUTC(), events);
        shadows = new Shadows(database, Clock.systemUTC(), ShadowLimits.awsDefaults(), events);
        source = new ThingDocuments(
                registry,
                shadows,
                thing -> thing.equals("pump-7")
                        ? Optional.of(new Connectivity(true, Instant.ofEpochMilli(1_795_000_000_000L), null))
                        : Optional.empty());
        registry.createThingType("pump", "water pumps", List.of("model"));
        registry.createThingGroup("site-north", null, Map.of());
        registry.createThing("pump-7", "pump", Map.of("model", "P200", "serial", "7"));
        registry.createThing("pump-8", "pump", Map.of("model", "legacy"));
        registry.createThing("tv-kitchen", null, Map.of());
        registry.addThingToGroup("site-north", "pump-7");
        update(
                "pump-7",
                "",
                "{\"state\":{\"reported\":{\"stats\":{\"battery\":80},\"tags\":[\"a\",\"b\"]},"
                        + "\"desired\":{\"speed\":1200}}}");
        update("pump-8", "config", "{\"state\":{\"reported\":{\"interval\":30}}}");
    }

    @AfterEach
    void close() {
        shadows.close();
        database.close();
    }

    private void update(String thing, String shadow, String json) throws Exception {
        shadows.update(thing, shadow, json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> search(FleetIndex index, String query) throws QueryException {
        return index.allMatching(FleetQuery.parse(query));
    }

    @Test
    void thingsAreFoundByTheirRegistryShadowAndConnectivityFields() throws Exception {
        try (FleetIndex index = FleetIndex.open(folder.resolve("index"), source)) {
            assertThat(search(index, "*")).containsExactly("pump-7", "pump-8", "tv-kitchen");
            assertThat(search(index, "thingTypeName:pump AND NOT attributes.model:legacy"))
                    .containsExactly("pump-7");
            assertThat(search(index, "attributes.serial:[5 TO 10]")).containsExactly("pump-7");
            assertThat(search(index, "thingGroupNames:site-north")).containsExactly("pump-7");
            assertThat(search(index, "shadow.reported.stats.battery>50")).containsExactly("pump-7");
            assertThat(search(index, "shadow.hasDelta:true")).containsExactly("pump-7");
            assertThat(search(index, "shadow.delta.speed:1200")).containsExactly("pump-7");
            assertThat(search(index, "shadow.reported.tags:b")).containsExactly("pump-7");
            assertThat(search(index, "shadow.metadata.reported.stats.battery.timestamp>1700000000"))
                    .as("each leaf's time of update, in epoch seconds")
                    .containsExactly("pump-7");
            assertThat(search(index, "shadow.metadata.desired.speed.timestamp:*"))
                    .containsExactly("pump-7");
            assertThat(search(index, "shadow.name.config.reported.interval:30")).containsExactly("pump-8");
            assertThat(search(index, "connectivity.connected:true")).containsExactly("pump-7");
            assertThat(search(index, "thingName:tv")).as("a name is one token").isEmpty();
            assertThat(search(index, "thingName:tv*")).containsExactly("tv-kitchen");
            assertThat(index.search(FleetQuery.parse("*"), 1, 1)).isEqualTo(new SearchPage(3, List.of("pump-8")));
        }
    }

    @Test
    void resultsComeInTheOrderOfAFieldWithThingsWithoutItLast() throws Exception {
        update("pump-8", "", "{\"state\":{\"reported\":{\"stats\":{\"battery\":95}}}}");
        try (FleetIndex index = FleetIndex.open(folder.resolve("index"), source)) {
            FleetQuery all = FleetQuery.parse("*");
            SearchSort battery = new SearchSort("shadow.reported.stats.battery", false);
            assertThat(index.search(all, battery, 0, 10).thingNames())
                    .containsExactly("pump-7", "pump-8", "tv-kitchen");
            assertThat(index.search(all, new SearchSort("shadow.reported.stats.battery", true), 0, 10)
                            .thingNames())
                    .containsExactly("pump-8", "pump-7", "tv-kitchen");
            assertThat(index.search(all, new SearchSort("attributes.model", false), 0, 10)
                            .thingNames())
                    .as("text in Unicode order (P200 before legacy), then the thing without a model")
                    .containsExactly("pump-7", "pump-8", "tv-kitchen");
            assertThat(index.search(all, new SearchSort("thingName", true), 1, 1))
                    .isEqualTo(new SearchPage(3, List.of("pump-8")));
        }
    }

    @Test
    void aCommittedChangeIsSearchableAtOnceAndTheIndexAnnouncesWhatItWrote() throws Exception {
        try (FleetIndex index = FleetIndex.open(folder.resolve("index"), source)) {
            IndexFollower follower = IndexFollower.start(index, events, group -> registry.thingsInGroup(group, false));
            index.beforeClose(follower::close);
            index.onIndexed(new IndexAnnouncements(events));
            EventSubscription announced =
                    events.subscribe(SubscriptionOptions.forView("a view", EventKind.THING_INDEXED));

            update("pump-8", "", "{\"state\":{\"reported\":{\"stats\":{\"battery\":95}}}}");
            await().atMost(Duration.ofSeconds(2))
                    .until(() ->
                            search(index, "shadow.reported.stats.battery>90").equals(List.of("pump-8")));
            assertThat(announced.poll(Duration.ofSeconds(2), 10)).containsExactly(new ThingIndexed("pump-8"));

            registry.deleteThing("tv-kitchen");
            await().atMost(Duration.ofSeconds(2))
                    .until(() -> search(index, "thingName:tv*").isEmpty());
            assertThat(announced.poll(Duration.ofSeconds(2), 10)).containsExactly(new ThingIndexed("tv-kitchen"));

            registry.renameThingGroup("site-north", "site-n");
            await().atMost(Duration.ofSeconds(2))
                    .alias("a renamed group's members are written again with its new name")
                    .until(() -> search(index, "thingGroupNames:site-n").equals(List.of("pump-7")));
        }
    }

    @Test
    void aReopenedIndexForgetsConnectionsItsBrokerSawWhenTheNewOneHasNot() throws Exception {
        FleetIndex.open(folder.resolve("index"), source).close();
        ThingDocuments afterRestart = new ThingDocuments(registry, shadows, thing -> Optional.empty());

        try (FleetIndex index = FleetIndex.open(folder.resolve("index"), afterRestart)) {
            assertThat(search(index, "connectivity.connected:true"))
                    .as("as the last instance left it")
                    .containsExactly("pump-7");
            index.reindexNow(index.connectedThings());
            assertThat(search(index, "connectivity.connected:true")).isEmpty();
            assertThat(search(index, "shadow.reported.stats.battery>50"))
                    .as("the rest of the thing is read again as it is")
                    .containsExactly("pump-7");
        }
    }

    @Test
    void anIndexMarkedBehindTheStoreIsRebuiltAndAnUnmarkedCleanOneIsTrusted() throws Exception {
        FleetIndex.open(folder.resolve("index"), source).close();
        registry.createThing("valve-3", null, Map.of()); // no index follows the store now

        try (FleetIndex trusted = FleetIndex.open(folder.resolve("index"), source)) {
            assertThat(search(trusted, "thingName:valve*"))
                    .as("a clean index is opened as it is, not rebuilt")
                    .isEmpty();
        }
        FleetIndex.markStoreChanged(folder.resolve("index"));
        try (FleetIndex rebuilt = FleetIndex.open(folder.resolve("index"), source)) {
            assertThat(search(rebuilt, "thingName:valve*")).containsExactly("valve-3");
        }
        assertThat(folder.resolve("index/store-changed-since-indexed"))
                .as("the rebuild caught up with the store")
                .doesNotExist();
    }

    @Test
    void aCleanlyClosedIndexIsKeptAndAMissingOrBrokenOneIsRebuiltFromTheStore() throws Exception {
        Path indexFolder = folder.resolve("index");
        try (FleetIndex index = FleetIndex.open(indexFolder, source)) {
            assertThat(index.count(FleetQuery.parse("*"))).isEqualTo(3);
        }
        registry.createThing("pump-9", "pump", Map.of());
        try (FleetIndex kept = FleetIndex.open(indexFolder, source)) {
            assertThat(search(kept, "*"))
                    .as("closed cleanly: trusted, not rebuilt (the running console tells it of every change)")
                    .containsExactly("pump-7", "pump-8", "tv-kitchen");
            kept.rebuild();
            assertThat(search(kept, "*")).as("on demand").contains("pump-9");
        }
        try (Stream<Path> files = Files.list(indexFolder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments"))
                    .toList()) {
                Files.writeString(file, "not a segments file");
            }
        }
        registry.createThing("pump-10", "pump", Map.of());
        try (FleetIndex rebuilt = FleetIndex.open(indexFolder, source)) {
            assertThat(search(rebuilt, "thingTypeName:pump")).containsExactly("pump-10", "pump-7", "pump-8", "pump-9");
        }
    }
}
