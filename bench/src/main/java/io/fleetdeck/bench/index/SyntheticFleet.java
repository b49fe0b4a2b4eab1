package io.fleetdeck.bench.index;

import io.fleetdeck.index.FleetDocument;
import io.fleetdeck.index.ThingSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A synthetic fleet as the index sees it: things of four types on the floors of 40 buildings, with three attributes,
 * connectivity and a classic shadow of 10–30 reported fields (battery, temperature, firmware, RSSI, a location, ...)
 * with their metadata timestamps, and sometimes desired state and a delta. Deterministic per seed; a thing's document can be changed (a new battery)
 * to measure how soon a search sees it.
 */
final class SyntheticFleet implements ThingSource {

    static final String[] TYPES = {"thermostat", "air-quality-sensor", "door-controller", "water-meter"};
    static final String[] FIRMWARE = {"1.4.2", "1.5.0", "2.0.1", "2.1.0-rc1"};

    private final int size;
    private final long seed;
    /** Batteries that changed since the fleet was made, by thing. */
    private final Map<Integer, Double> changedBatteries = new ConcurrentHashMap<>();

    SyntheticFleet(int size, long seed) {
        this.size = size;
        this.seed = seed;
    }

    static String name(int i) {
        return String.format(Locale.ROOT, "%s-%07d", TYPES[i % TYPES.length], i);
    }

    @Override
    public Optional<FleetDocument> document(String thingName) {
        int i = Integer.parseInt(thingName.substring(thingName.lastIndexOf('-') + 1));
        return Optional.of(document(i));
    }

    @Override
    public void eachDocument(Consumer<FleetDocument> sink) {
        for (int i = 0; i < size; i++) {
            sink.accept(document(i));
        }
    }

    /** From now on, {@code thing} reports {@code battery}. */
    void change(int thing, double battery) {
        changedBatteries.put(thing, battery);
    }

    FleetDocument document(int i) {
        SplittableRandom random = new SplittableRandom(seed * 31 + i);
        String building = "site-" + (i % 4) + "-b" + (i % 40 / 4);
        FleetDocument.Builder thing = FleetDocument.builder(name(i))
                .add("thingId", "id-" + i)
                .add("thingTypeName", TYPES[i % TYPES.length])
                .staticGroups(building, building + "-f" + random.nextInt(1, 6))
                .add("registry.version", random.nextInt(1, 5))
                .attribute("firmwareVersion", FIRMWARE[random.nextInt(FIRMWARE.length)])
                .attribute("serial", "SN" + (100_000 + i))
                .attribute("batch", Integer.toString(random.nextInt(1, 50)));
        double battery = changedBatteries.getOrDefault(i, (double) random.nextInt(0, 101));
        Map<String, Object> reported = new LinkedHashMap<>();
        reported.put("battery", battery);
        reported.put("temperature", 15 + random.nextInt(200) / 10.0);
        reported.put("firmware", FIRMWARE[random.nextInt(FIRMWARE.length)]);
        reported.put("rssi", -40 - random.nextInt(50));
        reported.put("location.lat", 52 + random.nextDouble());
        reported.put("location.lon", 13 + random.nextDouble());
        reported.put("mode", random.nextBoolean() ? "auto" : "eco");
        reported.put("online", random.nextBoolean());
        reported.put("uptimeSeconds", random.nextInt(1, 10_000_000));
        reported.put("setpoint", 18 + random.nextInt(8));
        for (int extra = random.nextInt(0, 21); extra > 0; extra--) {
            reported.put("sensor" + extra, random.nextInt(1000));
        }
        // as the console indexes a shadow: each reported leaf with its time of update (shadow.metadata.*)
        long updatedAt = 1_795_000_000L + random.nextInt(86_400);
        reported.forEach((leaf, value) -> thing.add("shadow.reported." + leaf, value)
                .add("shadow.metadata.reported." + leaf + ".timestamp", updatedAt));
        boolean pending = random.nextInt(10) == 0;
        if (pending) {
            thing.add("shadow.desired.setpoint", 25)
                    .add("shadow.delta.setpoint", 25)
                    .add("shadow.metadata.desired.setpoint.timestamp", updatedAt);
        }
        thing.add("shadow.hasDelta", pending).add("shadow.version", random.nextInt(1, 500));
        boolean connected = random.nextInt(4) != 0;
        thing.add("connectivity.connected", connected)
                .add("connectivity.timestamp", 1_795_000_000_000L + random.nextInt(86_400_000));
        if (!connected) {
            thing.add("connectivity.disconnectReason", "CONNECTION_LOST");
        }
        return thing.build();
    }
}
