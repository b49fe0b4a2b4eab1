package io.fleetdeck.bench.fleet;

import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.shadow.ShadowLimits;
import io.fleetdeck.fleet.shadow.Shadows;
import io.fleetdeck.fleet.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * Fills a data folder's store with a large realistic fleet, for the views and their benchmarks: sites, buildings and
 * floors as thing groups, things of three types with a firmware version, each filed on a floor and with a classic
 * shadow (some with desired state not yet reported). Args: --data-dir DIR [--things N]. Run on a folder no instance
 * holds.
 */
public final class FleetSeeder {

    private static final String[] TYPES = {"thermostat", "air-quality-sensor", "door-controller"};
    private static final String[] FIRMWARE = {"1.4.2", "1.5.0", "2.0.1", "2.1.0-rc1"};

    private FleetSeeder() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(option(args, "--data-dir", null));
        int count = Integer.parseInt(option(args, "--things", "100000"));
        long start = System.nanoTime();
        try (Database store = Database.sqliteFile(folder.resolve("fleetdeck.db"));
                Shadows shadows = new Shadows(
                        store, Clock.systemUTC(), ShadowLimits.awsDefaults().withRequestsPerSecondPerThing(1000))) {
            Registry registry = new Registry(store, Clock.systemUTC());
            for (String type : TYPES) {
                registry.createThingType(type, "seeded " + type, List.of("firmwareVersion"));
            }
            List<String> floors = groups(registry);
            SplittableRandom random = new SplittableRandom(42);
            List<CompletableFuture<?>> pending = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String thing = String.format(Locale.ROOT, "%s-%06d", TYPES[i % TYPES.length], i);
                registry.createThing(
                        thing, TYPES[i % TYPES.length], Map.of("firmwareVersion", FIRMWARE[random.nextInt(4)]));
                registry.addThingToGroup(floors.get(random.nextInt(floors.size())), thing);
                pending.add(shadows.submitUpdate(thing, "", shadow(random).getBytes(StandardCharsets.UTF_8)));
                if (pending.size() == 1000) {
                    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                            .join();
                    pending.clear();
                    System.out.printf(Locale.ROOT, "%,d things%n", i);
                }
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        }
        System.out.printf(
                Locale.ROOT, "seeded %,d things in %.1f s into %s%n", count, (System.nanoTime() - start) / 1e9, folder);
    }

    /** Three sites of four buildings of five floors; returns the floors. */
    private static List<String> groups(Registry registry) throws Exception {
        List<String> floors = new ArrayList<>();
        for (String site : List.of("site-north", "site-south", "site-harbour-logistics-centre")) {
            registry.createThingGroup(site, null, Map.of("region", site.substring(5)));
            for (int b = 1; b <= 4; b++) {
                String building = site + "-b" + b;
                registry.createThingGroup(building, site, Map.of());
                for (int f = 1; f <= 5; f++) {
                    String floor = building + "-f" + f;
                    registry.createThingGroup(floor, building, Map.of("level", Integer.toString(f)));
                    floors.add(floor);
                }
            }
        }
        return floors;
    }

    private static String shadow(SplittableRandom random) {
        double setpoint = 18 + random.nextInt(8);
        String desired = random.nextInt(10) == 0 ? ",\"desired\":{\"setpoint\":" + (setpoint + 1) + "}" : "";
        return "{\"state\":{\"reported\":{\"setpoint\":" + setpoint + ",\"battery\":" + random.nextInt(5, 100)
                + ",\"temperature\":" + (15 + random.nextInt(150) / 10.0) + "}" + desired + "}}";
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return fallback;
    }
}
