package io.fleetdeck.index;

import io.fleetdeck.fleet.connectivity.ConnectivityTracker.Connectivity;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.registry.Thing;
import io.fleetdeck.fleet.shadow.ShadowSections;
import io.fleetdeck.fleet.shadow.Shadows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Things as Fleet Indexing sees them (AWS-IOT-BEHAVIOUR §3.2), read from the registry, the committed shadows and the
 * connectivity tracker: registry fields (groups static and dynamic, and the static ones apart for dynamic groups'
 * queries), every shadow (classic under {@code shadow.}, named under {@code shadow.name.<n>.}) with reported,
 * desired, delta, metadata (each leaf's {@code timestamp}), {@code hasDelta} and version, and connectivity.
 */
public final class ThingDocuments implements ThingSource {

    private final Registry registry;
    private final Shadows shadows;
    private final Function<String, Optional<Connectivity>> connectivity;
    private final Function<String, Optional<Instant>> lastSeen;

    /** @param connectivity a thing's connectivity; empty for things the broker has not seen (or no broker) */
    public ThingDocuments(Registry registry, Shadows shadows, Function<String, Optional<Connectivity>> connectivity) {
        this(registry, shadows, connectivity, thing -> Optional.empty());
    }

    /** @param lastSeen when the broker last heard from a thing (connect or message); empty when it has not */
    public ThingDocuments(
            Registry registry,
            Shadows shadows,
            Function<String, Optional<Connectivity>> connectivity,
            Function<String, Optional<Instant>> lastSeen) {
        this.registry = registry;
        this.shadows = shadows;
        this.connectivity = connectivity;
        this.lastSeen = lastSeen;
    }

    @Override
    public Optional<FleetDocument> document(String thingName) {
        return registry.thing(thingName)
                .map(thing ->
                        document(thing, registry.dynamicGroupsOf(thingName), shadows.committedShadowsOf(thingName)));
    }

    @Override
    public void eachDocument(Consumer<FleetDocument> sink) {
        Map<String, List<ShadowSections>> byThing = new HashMap<>();
        shadows.eachCommittedShadow(shadow ->
                byThing.computeIfAbsent(shadow.thing(), t -> new ArrayList<>()).add(shadow));
        Map<String, List<String>> dynamicGroups = registry.dynamicGroupsByThing();
        for (Thing thing : registry.things()) {
            sink.accept(document(
                    thing,
                    dynamicGroups.getOrDefault(thing.name(), List.of()),
                    byThing.getOrDefault(thing.name(), List.of())));
        }
    }

    private FleetDocument document(Thing thing, List<String> dynamicGroups, List<ShadowSections> thingShadows) {
        FleetDocument.Builder document = FleetDocument.builder(thing.name())
                .add("thingId", thing.thingId())
                .add("thingTypeName", thing.thingType())
                .groups(thing.groups(), dynamicGroups)
                .add("registry.version", thing.version());
        thing.attributes().forEach(document::attribute);
        thingShadows.forEach(shadow -> ShadowFields.add(document, shadow));
        connectivity
                .apply(thing.name())
                .ifPresent(link -> document.add("connectivity.connected", link.connected())
                        .add("connectivity.timestamp", link.timestamp().toEpochMilli())
                        .add("connectivity.disconnectReason", link.disconnectReason()));
        lastSeen.apply(thing.name()).ifPresent(at -> document.add(FleetDocument.LAST_SEEN, at.toEpochMilli()));
        return document.build();
    }
}
