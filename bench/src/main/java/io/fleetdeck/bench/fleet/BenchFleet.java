package io.fleetdeck.bench.fleet;

import io.fleetdeck.views.fleet.FleetDirectory;
import io.fleetdeck.views.fleet.ThingRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A fleet of generated things in memory, filed by site, building and floor like the demo fleet, that reports changes
 * the way the application's adapter does. Thread-safe.
 */
final class BenchFleet implements FleetDirectory {

    static final Instant NOW = Instant.parse("2026-11-26T14:30:00Z");
    private static final String[] SITES = {"north-harbour", "east-quay", "west-yard"};
    private static final String[] TYPES = {"temperature-sensor", "flow-meter", "door-contact", "gateway"};
    private static final String[] FIRMWARE = {"1.4.2", "1.9.7", "1.10.0", "2.0.0-rc1"};

    private final Map<String, ThingRow> things = new ConcurrentHashMap<>();
    private final List<Consumer<Collection<String>>> listeners = new CopyOnWriteArrayList<>();
    /** When the feed last asked for changed things: where the off-thread part of a live update starts. */
    volatile long changedReadAt;

    BenchFleet(int count) {
        for (int i = 0; i < count; i++) {
            ThingRow row = thing(i);
            things.put(row.name(), row);
        }
    }

    static ThingRow thing(int i) {
        String site = SITES[i % SITES.length];
        int building = 1 + (i / 3) % 3;
        int floor = 1 + (i / 9) % 4;
        String type = i % 23 == 5 ? null : TYPES[i % TYPES.length];
        String name = String.format(Locale.ROOT, "%s-b%d-f%d-%s-%05d", site, building, floor, kind(type), i);
        boolean neverSeen = i % 97 == 13;
        Instant lastSeen = neverSeen ? null : NOW.minus(Duration.ofSeconds((i * 7919L) % 864_000));
        long shadowVersion = i % 11 == 4 ? 0 : 1 + (i * 31L) % 240;
        int pending = shadowVersion > 0 && i % 9 == 2 ? 1 + i % 3 : 0;
        return new ThingRow(
                name,
                type,
                List.of(String.format(Locale.ROOT, "%s-b%d-floor-%d", site, building, floor)),
                !neverSeen && i % 7 != 3,
                lastSeen,
                shadowVersion,
                pending,
                i % 17 == 9 ? null : FIRMWARE[(i / 2) % FIRMWARE.length]);
    }

    private static String kind(String type) {
        return type == null ? "device" : type.substring(0, type.indexOf('-') < 0 ? type.length() : type.indexOf('-'));
    }

    /** {@code count} things reconnect now: they move to the top of a table sorted by last seen. */
    void reconnect(int first, int count, Instant at) {
        List<String> names = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            ThingRow row = thing(i);
            things.put(
                    row.name(),
                    new ThingRow(
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
        listeners.forEach(listener -> listener.accept(names));
    }

    @Override
    public List<ThingRow> things() {
        return List.copyOf(things.values());
    }

    @Override
    public List<ThingRow> things(Collection<String> names) {
        changedReadAt = System.nanoTime();
        List<ThingRow> rows = new ArrayList<>(names.size());
        for (String name : names) {
            ThingRow row = things.get(name);
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Override
    public AutoCloseable onChange(Consumer<Collection<String>> changedThingNames) {
        listeners.add(changedThingNames);
        return () -> listeners.remove(changedThingNames);
    }
}
