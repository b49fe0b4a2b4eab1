package io.fleetdeck.index;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

/**
 * Random fleets drawn from a small vocabulary, so that random queries over the same vocabulary hit some
 * things and miss others. Values come in every type the index knows, in mixed case, multi-word, in arrays
 * (some holding objects, which §3.2 leaves unindexed), as numeric attribute strings, and under
 * unsearchable paths.
 */
final class RandomFleet {

    static final List<String> STRING_PATHS = List.of(
            "thingTypeName",
            "thingGroupNames",
            "attributes.model",
            "attributes.site",
            "shadow.reported.mode",
            "shadow.reported.label",
            "shadow.desired.mode",
            "shadow.name.cfg-1.reported.mode",
            "connectivity.disconnectReason");
    static final List<String> NUMBER_PATHS = List.of(
            "attributes.rack",
            "shadow.reported.stats.battery",
            "shadow.reported.temp",
            "shadow.desired.stats.battery",
            "shadow.name.cfg-1.reported.level",
            "connectivity.timestamp");
    static final List<String> BOOLEAN_PATHS =
            List.of("shadow.hasDelta", "shadow.reported.on", "shadow.name.cfg-1.hasDelta", "connectivity.connected");
    static final List<String> MIXED_PATHS = List.of("shadow.reported.mixed", "shadow.reported.values");
    static final List<String> UNSEARCHABLE_PATHS =
            List.of("shadow.version", "registry.version", "shadow.name.cfg-1.version");

    static final List<String> WORDS = List.of(
            "alpha",
            "Beta",
            "GAMMA",
            "delta",
            "v2",
            "v3",
            "legacy",
            "tv-kitchen",
            "NY",
            "la",
            "room",
            "abc",
            "abcd",
            "abce",
            "ABCF",
            "x_y",
            "über",
            "Straße",
            "ΟΔΟΣ",
            "smile\uD83D\uDE00",
            "75",
            "80",
            "2.5",
            "-1",
            "1e3",
            "true",
            "false",
            "a:b",
            "a*b",
            "q?",
            "(x)",
            "and",
            "AND",
            "TO",
            "-dash",
            "007");
    static final List<String> PHRASES =
            List.of("living room", "Living  Room ", "tv-kitchen v2", "alpha beta gamma", "room alpha", "", " ");
    static final List<Number> NUMBERS =
            List.of(0L, 1L, 2L, 3L, -1L, -2.5, 2.5, 75L, 80L, 80.0, 100L, 1000.0, 1557700000000L, 0.1, -0.0, 99.9);
    static final List<String> UNQUERYABLE = List.of("ops@example.com", "a/b", "it's");

    private RandomFleet() {}

    static List<FleetDocument> of(long seed, int size) {
        var random = new Random(seed);
        var things = new ArrayList<FleetDocument>();
        var names = new HashSet<String>();
        for (int i = 0; i < size; i++) {
            var name = name(random, i);
            while (!names.add(name)) {
                name = name + "-" + i; // thing names are unique in a registry
            }
            things.add(thing(random, name));
        }
        return things;
    }

    private static String name(Random random, int i) {
        var prefix = pick(random, List.of("tv", "TV", "Sensor", "gw", "lamp_", "lamp", "abc"));
        var separator = pick(random, List.of("-", "_", ""));
        return prefix
                + separator
                + (random.nextBoolean() ? pick(random, WORDS).replaceAll("[^A-Za-z0-9]", "") : "")
                + i;
    }

    private static FleetDocument thing(Random random, String name) {
        var thing = FleetDocument.builder(name);
        for (var path : STRING_PATHS) {
            if (random.nextInt(3) == 0) {
                int count = path.equals("thingGroupNames") ? 1 + random.nextInt(3) : 1;
                for (int i = 0; i < count; i++) {
                    thing.add(path, text(random));
                }
            }
        }
        for (var path : NUMBER_PATHS) {
            if (random.nextInt(3) == 0) {
                if (path.startsWith("attributes.")) {
                    thing.attribute(path.substring("attributes.".length()), attributeText(random));
                } else {
                    thing.add(path, pick(random, NUMBERS));
                }
            }
        }
        for (var path : BOOLEAN_PATHS) {
            if (random.nextInt(3) == 0) {
                thing.add(path, random.nextBoolean());
            }
        }
        if (random.nextInt(3) == 0) {
            thing.json("shadow.reported", mixedJson(random));
        }
        for (var path : UNSEARCHABLE_PATHS) {
            if (random.nextInt(2) == 0) {
                thing.add(path, (long) random.nextInt(5));
            }
        }
        if (random.nextInt(20) == 0) {
            thing.add("attributes.site", pick(random, UNQUERYABLE));
        }
        return thing.build();
    }

    private static String text(Random random) {
        return random.nextInt(4) == 0 ? pick(random, PHRASES) : pick(random, WORDS);
    }

    private static String attributeText(Random random) {
        return random.nextInt(4) == 0
                ? pick(random, WORDS)
                : pick(random, NUMBERS).toString();
    }

    /** A reported section with an array of mixed simple values, sometimes an array holding an object. */
    private static ObjectNode mixedJson(Random random) {
        var json = JsonNodeFactory.instance;
        var reported = json.objectNode();
        var mixed = reported.putArray("mixed");
        for (int i = random.nextInt(4); i > 0; i--) {
            switch (random.nextInt(4)) {
                case 0 -> mixed.add(text(random));
                case 1 -> mixed.add(pick(random, NUMBERS).doubleValue());
                case 2 -> mixed.add(random.nextBoolean());
                default -> mixed.addNull();
            }
        }
        var values = reported.putArray("values");
        for (int i = random.nextInt(4); i > 0; i--) {
            values.add(pick(random, NUMBERS).longValue());
        }
        if (random.nextInt(4) == 0) {
            values.addObject().put("hidden", "alpha");
        }
        if (random.nextInt(4) == 0) {
            reported.putObject("stats").put("battery", pick(random, NUMBERS).doubleValue());
        }
        return reported;
    }

    static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
