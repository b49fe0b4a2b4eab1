package io.fleetdeck.app.gui;

import io.fleetdeck.api.event.EventKind;
import io.fleetdeck.api.event.EventPump;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvent.EventsLost;
import io.fleetdeck.api.event.FleetEvent.IndexRebuilt;
import io.fleetdeck.api.event.FleetEvent.ThingIndexed;
import io.fleetdeck.api.event.FleetEvents;
import io.fleetdeck.api.event.SubscriptionOptions;
import io.fleetdeck.app.runtime.FleetdeckInstance;
import io.fleetdeck.fleet.connectivity.ConnectivityTracker;
import io.fleetdeck.fleet.connectivity.ConnectivityTracker.Connectivity;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.registry.Thing;
import io.fleetdeck.fleet.shadow.ShadowSummary;
import io.fleetdeck.fleet.shadow.Shadows;
import io.fleetdeck.index.DocumentEncoding;
import io.fleetdeck.index.FleetDocument;
import io.fleetdeck.index.FleetIndex;
import io.fleetdeck.views.fleet.FleetDirectory;
import io.fleetdeck.views.fleet.ThingRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Fleet view's rows: each thing with its type, groups, connection, classic-shadow summary and {@code
 * firmwareVersion} attribute. The whole fleet, at start and after a rebuild, is read from the registry, the shadow
 * store and the connectivity tracker; the things that change come from the fleet index once it announces them, as it
 * wrote them. Any thread.
 */
public final class FleetDirectoryAdapter implements FleetDirectory {

    private final Registry registry;
    private final Shadows shadows;
    private final ConnectivityTracker connectivity;
    private static final String CLASSIC_DELTA = "shadow.delta.";

    private final FleetEvents events;
    private final FleetIndex index;

    FleetDirectoryAdapter(
            Registry registry,
            Shadows shadows,
            ConnectivityTracker connectivity,
            FleetEvents events,
            FleetIndex index) {
        this.registry = registry;
        this.shadows = shadows;
        this.connectivity = connectivity;
        this.events = events;
        this.index = index;
    }

    /** The Fleet view's source for a running instance. */
    public static FleetDirectory of(FleetdeckInstance instance) {
        return new FleetDirectoryAdapter(
                instance.services().registry(),
                instance.services().shadowAccess().shadows(),
                instance.services().connectivity(),
                instance.services().events(),
                instance.services().fleetIndex());
    }

    @Override
    public List<ThingRow> things() {
        Map<String, ShadowSummary> summaries = shadows.classicSummaries();
        List<Thing> things = registry.things();
        List<ThingRow> rows = new ArrayList<>(things.size());
        for (Thing thing : things) {
            rows.add(row(thing, Optional.ofNullable(summaries.get(thing.name()))));
        }
        return rows;
    }

    /**
     * The changed things as the index wrote them, which is when it announced them: the forward path of a shadow
     * update (commit, event, index, row) never reads the store back.
     */
    @Override
    public List<ThingRow> things(Collection<String> names) {
        return index.documents(names).values().stream()
                .map(FleetDirectoryAdapter::row)
                .toList();
    }

    private static ThingRow row(FleetDocument thing) {
        Optional<Object> lastSeen = first(thing, "connectivity.timestamp");
        return new ThingRow(
                thing.thingName(),
                first(thing, "thingTypeName").map(String::valueOf).orElse(null),
                thing.values(DocumentEncoding.STATIC_GROUPS).stream()
                        .map(String::valueOf)
                        .toList(),
                first(thing, "connectivity.connected").map(Boolean.TRUE::equals).orElse(false),
                lastSeen.map(millis -> Instant.ofEpochMilli(((Number) millis).longValue()))
                        .orElse(null),
                first(thing, "shadow.version")
                        .map(version -> ((Number) version).longValue())
                        .orElse(0L),
                pendingDeltaFields(thing),
                thing.attributes().get(ThingRow.FIRMWARE_ATTRIBUTE));
    }

    private static Optional<Object> first(FleetDocument thing, String path) {
        return thing.values(path).stream().findFirst();
    }

    /** The classic shadow's delta leaves: its paths, an array being one leaf as in the shadow service's count. */
    private static int pendingDeltaFields(FleetDocument thing) {
        return (int) thing.fields().keySet().stream()
                .filter(path -> path.startsWith(CLASSIC_DELTA))
                .count();
    }

    /**
     * Follows the index's announcements, not the store: a thing is told once the index wrote it, coalesced per thing
     * while the table is busy; after a rebuild, or when the table fell too far behind, every thing is told.
     */
    @Override
    public AutoCloseable onChange(Consumer<Collection<String>> changedThingNames) {
        return EventPump.start(
                "fleet-view-events",
                events.subscribe(
                        SubscriptionOptions.forView("fleet table", EventKind.THING_INDEXED, EventKind.INDEX_REBUILT)),
                batch -> changedThingNames.accept(thingsIn(batch)));
    }

    private Collection<String> thingsIn(List<FleetEvent> batch) {
        Set<String> things = new LinkedHashSet<>();
        for (FleetEvent event : batch) {
            switch (event) {
                case ThingIndexed indexed -> things.add(indexed.thing());
                case IndexRebuilt rebuilt -> {
                    return registry.thingNames(); // everything may have changed: read once, whatever else came
                }
                case EventsLost lost -> {
                    return registry.thingNames();
                }
                default -> {
                    // not asked for
                }
            }
        }
        return things;
    }

    private ThingRow row(Thing thing, Optional<ShadowSummary> shadow) {
        Optional<Connectivity> link = connectivity.of(thing.name());
        return new ThingRow(
                thing.name(),
                thing.thingType(),
                thing.groups(),
                link.map(Connectivity::connected).orElse(false),
                link.map(Connectivity::timestamp).orElse(null),
                shadow.map(ShadowSummary::version).orElse(0L),
                shadow.map(ShadowSummary::pendingDeltaFields).orElse(0),
                thing.attributes().get(ThingRow.FIRMWARE_ATTRIBUTE));
    }
}
