package io.fleetdeck.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.api.event.FleetEvent.ConnectivityChanged;
import io.fleetdeck.api.event.FleetEvent.ThingSeen;
import io.fleetdeck.fleet.connectivity.ConnectivityTracker.Connectivity;
import io.fleetdeck.fleet.events.FleetEventHub;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.shadow.ShadowLimits;
import io.fleetdeck.fleet.shadow.Shadows;
import io.fleetdeck.fleet.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index writes shadow commits and connectivity changes from their events, without reading the store back, and
 * the documents it writes are the ones a read of the store gives.
 */
class IndexFromEventsTest {

    private static final List<String> THINGS = List.of("pump-1", "pump-2", "valve-1", "meter-1");
    private static final List<String> SHADOWS = List.of("", "config", "ota");
    private static final List<String> FIELDS = List.of("speed", "mode", "stats.battery", "tags");

    @TempDir
    Path folder;

    private final FleetEventHub events = new FleetEventHub();
    private final Map<String, Connectivity> links = new ConcurrentHashMap<>();
    private final Map<String, Instant> heard = new ConcurrentHashMap<>();
    private Database database;
    private Registry registry;
    private Shadows shadows;
    private ThingDocuments store;
    private FleetIndex index;

    @BeforeEach
    void open() throws Exception {
        database = Database.sqliteFile(folder.resolve("fleetdeck.db"));
        registry = new Registry(database, Clock.systemUTC(), events);
        // the test sends faster than AWS's 20 requests a second per thing allow
        shadows = new Shadows(
                database, Clock.systemUTC(), ShadowLimits.awsDefaults().withRequestsPerSecondPerThing(100_000), events);
        store = new ThingDocuments(
                registry,
                shadows,
                thing -> Optional.ofNullable(links.get(thing)),
                thing -> Optional.ofNullable(heard.get(thing)));
        registry.createThingGroup("site-north", null, Map.of());
        for (String thing : THINGS) {
            registry.createThing(thing, null, Map.of("serial", thing.toUpperCase(java.util.Locale.ROOT)));
        }
        registry.addThingToGroup("site-north", "pump-1");
        index = FleetIndex.open(folder.resolve("index"), store);
        IndexFollower follower = IndexFollower.start(index, events, group -> registry.thingsInGroup(group, false));
        index.beforeClose(follower::close);
    }

    @AfterEach
    void close() {
        index.close();
        shadows.close();
        database.close();
    }

    @Test
    void shadowCommitsAndConnectivityAreWrittenFromTheirEventsAsTheStoreHasThem() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        FleetIndex.Work before = index.work();
        for (int step = 0; step < 300; step++) {
            String thing = THINGS.get(random.nextInt(THINGS.size()));
            String shadow = SHADOWS.get(random.nextInt(SHADOWS.size()));
            if (random.nextInt(12) == 0 && shadows.shadowNames(thing).contains(shadow)) {
                shadows.delete(thing, shadow, new byte[0]);
            } else if (random.nextInt(10) == 0) {
                connect(thing, random.nextBoolean(), step);
            } else if (random.nextInt(8) == 0) {
                seen(thing, step);
            } else {
                update(thing, shadow, randomState(random));
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> allAsTheStoreHasThem(seed));

        FleetIndex.Work after = index.work();
        assertThat(after.documentsPatched() - before.documentsPatched())
                .as("seed %d: shadow commits were written from their events", seed)
                .isPositive();
        assertThat(after.documentsRead())
                .as("seed %d: no thing was read back from the store", seed)
                .isEqualTo(before.documentsRead());
    }

    @Test
    void aThingSeenMovesItsLastSeenAndAConnectAfterItKeepsIt() throws Exception {
        seen("valve-1", 10);
        connect("valve-1", true, 20);
        await().atMost(Duration.ofSeconds(5)).until(() -> allAsTheStoreHasThem(0));

        assertThat(index.documentAsWritten("valve-1").orElseThrow().values(FleetDocument.LAST_SEEN))
                .containsExactly(1_795_000_000_010L);
        assertThat(index.search(FleetQuery.parse("connectivity.lastSeen>1795000000000"), 0, 10)
                        .thingNames())
                .containsExactly("valve-1");
    }

    @Test
    void aRegistryChangeIsReadFromTheStoreAndAShadowCommitAfterItPatchesTheNewDocument() throws Exception {
        update("pump-2", "", "{\"state\":{\"reported\":{\"speed\":5}}}");
        registry.addThingToGroup("site-north", "pump-2");
        update("pump-2", "", "{\"state\":{\"reported\":{\"speed\":6}}}");

        await().atMost(Duration.ofSeconds(5)).until(() -> allAsTheStoreHasThem(0));
        assertThat(index.search(FleetQuery.parse("thingGroupNames:site-north AND shadow.reported.speed:6"), 0, 10)
                        .thingNames())
                .containsExactly("pump-2");
    }

    @Test
    void anIndexWrittenBeforeDocumentsWereKeptReadsTheThingFromTheStoreOnce() throws Exception {
        update("meter-1", "", "{\"state\":{\"reported\":{\"kwh\":12}}}");
        await().atMost(Duration.ofSeconds(5)).until(() -> allAsTheStoreHasThem(0));
        FleetIndex.Work before = index.work();
        // a thing the index has no document of: the event alone cannot say what the rest of it holds
        index.shadowCommitted(new io.fleetdeck.api.event.FleetEvent.ShadowCommitted("unknown-thing", "", 1, null));
        index.reindexNow(List.of());

        assertThat(index.work().documentsRead()).isEqualTo(before.documentsRead() + 1);
        assertThat(index.documentAsWritten("unknown-thing"))
                .as("not registered, not indexed")
                .isEmpty();
    }

    private boolean allAsTheStoreHasThem(long seed) {
        for (String thing : THINGS) {
            Optional<FleetDocument> written = index.documentAsWritten(thing);
            Optional<FleetDocument> read = store.document(thing);
            if (!written.equals(read)) {
                return false;
            }
        }
        return true;
    }

    private void connect(String thing, boolean connected, int step) {
        Instant at = Instant.ofEpochMilli(1_795_000_000_000L + step);
        Connectivity link = new Connectivity(connected, at, connected ? null : "CONNECTION_LOST");
        links.put(thing, link);
        events.publish(new ConnectivityChanged(thing, connected, at, link.disconnectReason()));
    }

    private void seen(String thing, int step) {
        Instant at = Instant.ofEpochMilli(1_795_000_000_000L + step);
        heard.put(thing, at);
        events.publish(new ThingSeen(thing, at));
    }

    private void update(String thing, String shadow, String json) throws Exception {
        shadows.update(thing, shadow, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String randomState(Random random) {
        String section = random.nextBoolean() ? "reported" : "desired";
        String field = FIELDS.get(random.nextInt(FIELDS.size()));
        String value = switch (random.nextInt(5)) {
            case 0 -> Integer.toString(random.nextInt(100));
            case 1 -> "\"m" + random.nextInt(3) + "\"";
            case 2 -> Boolean.toString(random.nextBoolean());
            case 3 -> "[" + random.nextInt(9) + ",\"x\"]";
            default -> "null";
        };
        String leaf = field.contains(".")
                ? "{\"" + field.substring(0, field.indexOf('.')) + "\":{\"" + field.substring(field.indexOf('.') + 1)
                        + "\":" + value + "}}"
                : "{\"" + field + "\":" + value + "}";
        return "{\"state\":{\"" + section + "\":" + leaf + "}}";
    }
}
