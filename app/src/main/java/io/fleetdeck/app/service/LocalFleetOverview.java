package io.fleetdeck.app.service;

import io.fleetdeck.api.things.FleetOverview;
import io.fleetdeck.api.things.ThingDetail;
import io.fleetdeck.api.things.ThingOverview;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.registry.Thing;
import io.fleetdeck.fleet.shadow.ShadowSummary;
import io.fleetdeck.fleet.shadow.Shadows;
import io.fleetdeck.index.DocumentEncoding;
import io.fleetdeck.index.FleetDocument;
import io.fleetdeck.index.FleetIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@link FleetOverview} over this process: the whole fleet, at start, from the registry, the shadow store and the
 * broker's connectivity; the things that changed from the fleet index, as it wrote them when it announced them, so the
 * forward path of a shadow update (commit, event, index, row) never reads the store back. Any thread.
 */
public final class LocalFleetOverview implements FleetOverview {

    private static final String CLASSIC_DELTA = "shadow.delta.";

    private final Registry registry;
    private final Shadows shadows;
    private final Function<String, Optional<ThingDetail.Connectivity>> connectivity;
    private final Supplier<FleetIndex> index;

    /** @param index looked up on each call, because a rebuild on demand replaces it */
    public LocalFleetOverview(
            Registry registry,
            Shadows shadows,
            Function<String, Optional<ThingDetail.Connectivity>> connectivity,
            Supplier<FleetIndex> index) {
        this.registry = registry;
        this.shadows = shadows;
        this.connectivity = connectivity;
        this.index = index;
    }

    @Override
    public List<ThingOverview> allThings() {
        Map<String, ShadowSummary> summaries = shadows.classicSummaries();
        List<Thing> things = registry.things();
        List<ThingOverview> rows = new ArrayList<>(things.size());
        for (Thing thing : things) {
            rows.add(row(thing, Optional.ofNullable(summaries.get(thing.name()))));
        }
        return rows;
    }

    @Override
    public List<ThingOverview> things(Collection<String> names) {
        return index.get().documents(names).values().stream()
                .map(LocalFleetOverview::row)
                .toList();
    }

    private ThingOverview row(Thing thing, Optional<ShadowSummary> shadow) {
        Optional<ThingDetail.Connectivity> link = connectivity.apply(thing.name());
        return new ThingOverview(
                thing.name(),
                thing.thingType(),
                thing.groups(),
                link.map(ThingDetail.Connectivity::connected).orElse(false),
                link.map(ThingDetail.Connectivity::lastSeen).orElse(null),
                shadow.map(ShadowSummary::version).orElse(0L),
                shadow.map(ShadowSummary::pendingDeltaFields).orElse(0),
                thing.attributes().get(ThingOverview.FIRMWARE_ATTRIBUTE));
    }

    private static ThingOverview row(FleetDocument thing) {
        // the later of its connect or disconnect and the last message the broker passed on
        Optional<Long> lastSeen = Stream.of(
                        first(thing, "connectivity.timestamp"), first(thing, FleetDocument.LAST_SEEN))
                .flatMap(Optional::stream)
                .map(millis -> ((Number) millis).longValue())
                .max(Long::compare);
        return new ThingOverview(
                thing.thingName(),
                first(thing, "thingTypeName").map(String::valueOf).orElse(null),
                thing.values(DocumentEncoding.STATIC_GROUPS).stream()
                        .map(String::valueOf)
                        .toList(),
                first(thing, "connectivity.connected").map(Boolean.TRUE::equals).orElse(false),
                lastSeen.map(Instant::ofEpochMilli).orElse(null),
                first(thing, "shadow.version")
                        .map(version -> ((Number) version).longValue())
                        .orElse(0L),
                pendingDeltaFields(thing),
                thing.attributes().get(ThingOverview.FIRMWARE_ATTRIBUTE));
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
}
