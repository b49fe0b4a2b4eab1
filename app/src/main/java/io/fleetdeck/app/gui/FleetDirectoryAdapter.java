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
import io.fleetdeck.views.fleet.FleetDirectory;
import io.fleetdeck.views.fleet.ThingRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Fleet view's rows over the registry, the shadow store and the connectivity tracker: each thing with its type,
 * groups, connection, classic-shadow summary and {@code firmwareVersion} attribute. Changes from all three are passed
 * on by thing name. Any thread.
 */
public final class FleetDirectoryAdapter implements FleetDirectory {

    private final Registry registry;
    private final Shadows shadows;
    private final ConnectivityTracker connectivity;
    private final FleetEvents events;

    FleetDirectoryAdapter(Registry registry, Shadows shadows, ConnectivityTracker connectivity, FleetEvents events) {
        this.registry = registry;
        this.shadows = shadows;
        this.connectivity = connectivity;
        this.events = events;
    }

    /** The Fleet view's source for a running instance. */
    public static FleetDirectory of(FleetdeckInstance instance) {
        return new FleetDirectoryAdapter(
                instance.services().registry(),
                instance.services().shadowAccess().shadows(),
                instance.services().connectivity(),
                instance.services().events());
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

    @Override
    public List<ThingRow> things(Collection<String> names) {
        List<ThingRow> rows = new ArrayList<>(names.size());
        for (String name : names) {
            registry.thing(name).ifPresent(thing -> rows.add(row(thing, shadows.classicSummary(name))));
        }
        return rows;
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
                case IndexRebuilt rebuilt -> registry.things().forEach(thing -> things.add(thing.name()));
                case EventsLost lost -> registry.things().forEach(thing -> things.add(thing.name()));
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
