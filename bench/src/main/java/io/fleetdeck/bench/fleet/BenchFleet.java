package io.fleetdeck.bench.fleet;

import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.things.FleetOverview;
import io.fleetdeck.api.things.ThingOverview;
import io.fleetdeck.fleet.events.FleetEventHub;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A fleet of generated things in memory, filed by site, building and floor like the demo fleet, that reports changes
 * the way the application's adapter does. Thread-safe.
 */
final class BenchFleet implements FleetOverview {

    static final Instant NOW = Instant.parse("2026-11-26T14:30:00Z");
    private static final String[] SITES = {"north-harbour", "east-quay", "west-yard"};
    private static final String[] TYPES = {"temperature-sensor", "flow-meter", "door-contact", "gateway"};
    private static final String[] FIRMWARE = {"1.4.2", "1.9.7", "1.10.0", "2.0.0-rc1"};

    private final Map<String, ThingOverview> things = new ConcurrentHashMap<>();
    /** The fleet index's announcements, as the table follows them in the console. */
    final FleetEventHub events = new FleetEventHub();
    /** When the feed last asked for changed things: where the off-thread part of a live update starts. */
    volatile long changedReadAt;

    BenchFleet(int count) {
        for (int i = 0; i < count; i++) {
            ThingOverview row = thing(i);
            things.put(row.name(), row);
        }
    }

    static ThingOverview thing(int i) {
        String site = SITES[i % SITES.length];
        int building = 1 + (i / 3) % 3;
        int floor = 1 + (i / 9) % 4;
        String type = i % 23 == 5 ? null : TYPES[i % TYPES.length];
        String name = String.format(Locale.ROOT, "%s-b%d-f%d-%s-%05d", site, building, floor, kind(type), i);
        boolean neverSeen = i % 97 == 13;
        Instant lastSeen = neverSeen ? null : NOW.minus(Duration.ofSeconds((i * 7919L) % 864_000));
        long shadowVersion = i % 11 == 4 ? 0 : 1 + (i * 31L) % 240;
        int pending = shadowVersion > 0 && i % 9 == 2 ? 1 + i % 3 : 0;
        return new ThingOverview(
                name,
                type,
                List.of(String.format(Locale.ROOT, "%s-b%d-floor-%d", site, building, floor)),
                !neverSeen && i % 7 != 3,
                lastSeen,
                shadowVersion,
                pending,
                i % 17 == 9 ? null : FIRMWARE[(i / 2) % FIRMWARE.length]);
    }

    private static String kind(@Nullable String type) {
        return type == null ? "device" : type.substring(0, type.indexOf('-') < 0 ? type.length() : type.indexOf('-'));
    }

    /** {@code count} things reconnect now: they move to the top of a table sorted by last seen. */
    void reconnect(int first, int count, Instant at) {
        List<String> names = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            ThingOverview row = thing(i);
            things.put(
                    row.name(),
                    new ThingOverview(
                            row.name(),
                            row.thingType(),
                            row.groups(),
                            true,
                            at,
                            row.shadowVersion(),
                            row.pendingDeltaFields(),
                            row.firmwareVersion()));
            names.add(row.name());
        }
        events.publishAll(names.stream().map(FleetEvent.ThingIndexed::new).toList());
    }

    @Override
    public List<ThingOverview> allThings() {
        return List.copyOf(things.values());
    }

    @Override
    public List<ThingOverview> things(Collection<String> names) {
        changedReadAt = System.nanoTime();
        List<ThingOverview> rows = new ArrayList<>(names.size());
        for (String name : names) {
            ThingOverview row = things.get(name);
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }
}
