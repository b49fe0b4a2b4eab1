package io.fleetdeck.views.fleet;

import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.things.FleetOverview;
import io.fleetdeck.api.things.ThingOverview;
import io.fleetdeck.views.testing.FakeEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fleet in memory, filed like the demo fleet by site, building and floor: sensors of a few types, one with a very
 * long name, some offline or never seen, shadows in sync or waiting, firmware versions that sort by number. Reports
 * changes the way the application's adapter does. Thread-safe.
 */
final class FakeFleet implements FleetOverview {

    static final Instant NOW = Instant.parse("2026-11-26T14:30:00Z");
    static final String[] SITES = {"north-harbour", "east-quay", "west-yard"};
    static final String[] TYPES = {"temperature-sensor", "flow-meter", "door-contact", "gateway"};
    static final String[] FIRMWARE = {"1.4.2", "1.9.7", "1.10.0", "2.0.0-rc1"};
    /** The 8th thing's name: as long as the registry allows names to be, nearly. */
    static final String LONG_NAME = "east-quay-b3-f1-cold-store-ambient-temperature-and-humidity-sensor-with"
            + "-door-contact-and-backup-battery-monitor-00007";

    private final Map<String, ThingOverview> things = new ConcurrentHashMap<>();
    /** Each change is announced here as the fleet index announces what it wrote. */
    final FakeEvents events = new FakeEvents();

    final AtomicInteger wholeReads = new AtomicInteger();
    final List<List<String>> batchReads = new CopyOnWriteArrayList<>();
    final List<String> readingThreads = new CopyOnWriteArrayList<>();

    static FakeFleet withThings(int count) {
        FakeFleet fleet = new FakeFleet();
        for (int i = 0; i < count; i++) {
            fleet.things.put(thing(i).name(), thing(i));
        }
        return fleet;
    }

    /** The {@code i}th thing: deterministic, so tests can name what they expect. */
    static ThingOverview thing(int i) {
        String site = SITES[i % SITES.length];
        int building = 1 + (i / 3) % 3;
        int floor = 1 + (i / 9) % 4;
        String type = i % 23 == 5 ? null : TYPES[i % TYPES.length];
        String name = i == 7
                ? LONG_NAME
                : String.format(
                        Locale.ROOT,
                        "%s-b%d-f%d-%s-%05d",
                        site,
                        building,
                        floor,
                        type == null
                                ? "device"
                                : type.substring(0, type.indexOf('-') < 0 ? type.length() : type.indexOf('-')),
                        i);
        String group = String.format(Locale.ROOT, "%s-b%d-floor-%d", site, building, floor);
        boolean neverSeen = i % 97 == 13;
        boolean connected = !neverSeen && i % 7 != 3;
        // the long-named one was seen a few minutes ago, so it shows near the top by last seen
        Instant lastSeen = neverSeen ? null : NOW.minus(Duration.ofSeconds(i == 7 ? 40 : (i * 7919L) % 864_000));
        long shadowVersion = i % 11 == 4 ? 0 : 1 + (i * 31L) % 240;
        int pending = shadowVersion > 0 && i % 9 == 2 ? 1 + i % 3 : 0;
        String firmware = i % 17 == 9 ? null : FIRMWARE[(i / 2) % FIRMWARE.length];
        return new ThingOverview(name, type, List.of(group), connected, lastSeen, shadowVersion, pending, firmware);
    }

    ThingOverview get(String name) {
        return things.get(name);
    }

    /** Puts {@code row} in the fleet and reports it changed, as a shadow update or a connection would. */
    void change(ThingOverview row) {
        things.put(row.name(), row);
        events.publish(new FleetEvent.ThingIndexed(row.name()));
    }

    /** Changes the fleet without any announcement, as things look to the index after it was rebuilt. */
    void removeQuietly(String name) {
        things.remove(name);
    }

    void addQuietly(ThingOverview row) {
        things.put(row.name(), row);
    }

    void delete(String name) {
        things.remove(name);
        events.publish(new FleetEvent.ThingIndexed(name));
    }

    @Override
    public List<ThingOverview> allThings() {
        wholeReads.incrementAndGet();
        readingThreads.add(Thread.currentThread().getName());
        return List.copyOf(things.values());
    }

    @Override
    public List<ThingOverview> things(Collection<String> names) {
        batchReads.add(List.copyOf(names));
        readingThreads.add(Thread.currentThread().getName());
        List<ThingOverview> rows = new ArrayList<>();
        for (String name : names) {
            ThingOverview row = things.get(name);
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }
}
