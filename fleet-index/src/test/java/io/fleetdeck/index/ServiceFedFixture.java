package io.fleetdeck.index;

import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.fleet.connectivity.ConnectivityTracker.Connectivity;
import io.fleetdeck.fleet.events.FleetEventHub;
import io.fleetdeck.fleet.events.FleetEventSink;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.shadow.ShadowLimits;
import io.fleetdeck.fleet.shadow.Shadows;
import io.fleetdeck.fleet.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fixture of AWS-IOT-BEHAVIOUR §10.3 made through the real services on a SQLite file: thing types, things with
 * attributes, static groups, shadow updates, and the connectivity the broker would report; the index is fed as the
 * running console feeds it (registry events, shadow commits).
 */
final class ServiceFedFixture implements AutoCloseable {

    final Database database;
    final Registry registry;
    final Shadows shadows;
    final FleetIndex index;
    final FleetEventHub events = new FleetEventHub();
    /** Every event the registry and the shadows published, as they published it. */
    final List<FleetEvent> published = new CopyOnWriteArrayList<>();

    private ServiceFedFixture(Path folder) throws Exception {
        database = Database.sqliteFile(folder.resolve("fleetdeck.db"));
        FleetEventSink committed = ((FleetEventSink) published::add).andThen(events);
        registry = new Registry(database, Clock.systemUTC(), committed);
        shadows = new Shadows(database, Clock.systemUTC(), ShadowLimits.awsDefaults(), committed);
        Map<String, Connectivity> connectivity = Map.of(
                "tv-kitchen",
                new Connectivity(true, Instant.ofEpochMilli(1557700000000L), null),
                "tv-plasma",
                new Connectivity(false, Instant.ofEpochMilli(1557800000000L), "CONNECTION_LOST"));
        index = FleetIndex.open(
                folder.resolve("index"),
                new ThingDocuments(registry, shadows, thing -> Optional.ofNullable(connectivity.get(thing))));
        IndexFollower follower = IndexFollower.start(index, events, group -> registry.thingsInGroup(group, false));
        index.beforeClose(follower::close);
        fill();
    }

    static ServiceFedFixture in(Path folder) throws Exception {
        return new ServiceFedFixture(folder);
    }

    private void fill() throws Exception {
        registry.createThingType("TV", "televisions", List.of("model"));
        registry.createThingType("Sensor", "sensors", List.of());
        registry.createThingGroup("home", null, Map.of());
        registry.createThingGroup("legacy", null, Map.of());
        registry.createThing("tv-kitchen", "TV", Map.of("model", "v2", "serialNumber", "abce"));
        registry.createThing("tv-plasma", "TV", Map.of("model", "legacy", "serialNumber", "abcg"));
        registry.createThing("sensor-1", "Sensor", Map.of("myAttribute", "75"));
        registry.createThing("sensor-2", null, Map.of("myAttribute", "80"));
        registry.createThing("gateway", null, Map.of());
        registry.addThingToGroup("home", "tv-kitchen");
        registry.addThingToGroup("home", "tv-plasma");
        registry.addThingToGroup("legacy", "tv-plasma");
        updateShadow("tv-kitchen", "{'state':{'reported':{'stats':{'battery':80},'location':'NY'}}}");
        updateShadow(
                "tv-plasma", "{'state':{'reported':{'stats':{'battery':95}},'desired':{'stats':{'battery':100}}}}");
        updateShadow("sensor-2", "{'state':{'reported':{'myvalues':[1,2,3]}}}");
    }

    /** A classic shadow update as a device sends it ({@code '} for {@code "} to keep the JSON readable). */
    void updateShadow(String thing, String json) throws Exception {
        shadows.update(thing, "", json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    List<String> search(String query) throws QueryException {
        return index.allMatching(FleetQuery.parse(query));
    }

    @Override
    public void close() {
        index.close();
        shadows.close();
        database.close();
    }
}
