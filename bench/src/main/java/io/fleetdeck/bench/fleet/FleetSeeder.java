package io.fleetdeck.bench.fleet;

import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.shadow.ShadowLimits;
import io.fleetdeck.fleet.shadow.Shadows;
import io.fleetdeck.fleet.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Fills a data folder's store with a large realistic fleet, for the views and their benchmarks: sites, buildings and
 * floors as thing groups, things of three types with a firmware version, each filed on a floor and with a classic
 * shadow (some with desired state not yet reported). Args: --data-dir DIR [--things N]. Run on a folder no instance
 * holds.
 */
public final class FleetSeeder {

    private static final String[] TYPES = {"thermostat", "air-quality-sensor", "door-controller"};
    private static final int BATCH = 1000;
    private static final String[] FIRMWARE = {"1.4.2", "1.5.0", "2.0.1", "2.1.0-rc1"};

    private FleetSeeder() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(Objects.requireNonNull(option(args, "--data-dir", null), "--data-dir DIR is required"));
        int count = Integer.parseInt(String.valueOf(option(args, "--things", "100000")));
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
            for (int from = 1; from <= count; from += BATCH) {
                List<String> things = new ArrayList<>();
                for (int i = from; i < from + BATCH && i <= count; i++) {
                    things.add(String.format(Locale.ROOT, "%s-%06d", TYPES[i % TYPES.length], i));
                }
                file(store, things, floors, random);
                for (String thing : things) {
                    pending.add(shadows.submitUpdate(thing, "", shadow(random).getBytes(StandardCharsets.UTF_8)));
                }
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                        .join();
                pending.clear();
                System.out.printf(Locale.ROOT, "%,d things%n", from + things.size() - 1);
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        }
        System.out.printf(
                Locale.ROOT, "seeded %,d things in %.1f s into %s%n", count, (System.nanoTime() - start) / 1e9, folder);
    }

    /**
     * Registers a batch of things and files each on a floor, in one transaction: a seeding tool writes the registry's
     * rows directly (names and attributes it made itself, within the registry's rules) rather than a commit each.
     */
    private static void file(Database store, List<String> things, List<String> floors, SplittableRandom random) {
        store.write(c -> {
            try (PreparedStatement thing = c.prepareStatement(
                            "INSERT INTO thing (name, attributes, version, created_at, thing_type) VALUES (?, ?, 1, ?, ?)");
                    PreparedStatement member = c.prepareStatement(
                            "INSERT INTO thing_group_member (group_name, thing_name) VALUES (?, ?)")) {
                for (String name : things) {
                    thing.setString(1, name);
                    thing.setString(2, "{\"firmwareVersion\":\"" + FIRMWARE[random.nextInt(FIRMWARE.length)] + "\"}");
                    thing.setLong(3, System.currentTimeMillis());
                    thing.setString(4, name.substring(0, name.lastIndexOf('-')));
                    thing.addBatch();
                    member.setString(1, floors.get(random.nextInt(floors.size())));
                    member.setString(2, name);
                    member.addBatch();
                }
                thing.executeBatch();
                member.executeBatch();
            }
            return null;
        });
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

    private static @Nullable String option(String[] args, String name, @Nullable String fallback) {
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
