package io.fleetdeck.app.gui;

import io.fleetdeck.app.runtime.FleetdeckInstance;
import io.fleetdeck.fleet.connectivity.ConnectivityTracker;
import io.fleetdeck.fleet.connectivity.ConnectivityTracker.Connectivity;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.registry.RegistryEvent;
import io.fleetdeck.fleet.registry.Thing;
import io.fleetdeck.fleet.shadow.ShadowSummary;
import io.fleetdeck.fleet.shadow.Shadows;
import io.fleetdeck.views.fleet.FleetDirectory;
import io.fleetdeck.views.fleet.ThingRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private final List<Consumer<Collection<String>>> listeners = new CopyOnWriteArrayList<>();

    FleetDirectoryAdapter(Registry registry, Shadows shadows, ConnectivityTracker connectivity) {
        this.registry = registry;
        this.shadows = shadows;
        this.connectivity = connectivity;
        registry.onChange(this::registryChanged);
        shadows.onCommitted(this::tell);
        connectivity.onChange(thing -> tell(List.of(thing)));
    }

    /** The Fleet view's source for a running instance. */
    public static FleetDirectory of(FleetdeckInstance instance) {
        return new FleetDirectoryAdapter(
                instance.services().registry(),
                instance.services().shadowAccess().shadows(),
                instance.services().connectivity());
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

    @Override
    public AutoCloseable onChange(Consumer<Collection<String>> changedThingNames) {
        listeners.add(changedThingNames);
        return () -> listeners.remove(changedThingNames);
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

    /** A thing's own change, or a membership that changes its groups column; a renamed group renames it in rows. */
    private void registryChanged(RegistryEvent event) {
        switch (event.kind()) {
            case "thing" -> tell(List.of(event.subject()));
            case "membership" -> tell(List.of(event.other()));
            case "thingGroup" -> {
                if (event.change().equals("renamed")) {
                    tell(registry.thingsInGroup(event.other(), false));
                }
            }
            default -> {
                // types and the hierarchy do not show in the table's rows
            }
        }
    }

    private void tell(Collection<String> things) {
        if (!things.isEmpty()) {
            listeners.forEach(listener -> listener.accept(things));
        }
    }
}
