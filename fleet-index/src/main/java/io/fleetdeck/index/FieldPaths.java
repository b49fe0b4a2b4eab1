package io.fleetdeck.index;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What the index does with a field, decided by its path alone (AWS-IOT-BEHAVIOUR §3.2, §3.3). */
final class FieldPaths {

    /** A query can't be longer than this (§3.6), so a longer path could never be searched for. */
    static final int MAX_PATH_BYTES = 1000;

    // §3.2: versions are returned and aggregated, never searched (a bare "version" is a thing group's)
    private static final Pattern UNSEARCHABLE = Pattern.compile(
            "registry\\.version|shadow\\.version|deviceDefender\\.version|shadow\\.name\\.[^.]+\\.version|version");

    private FieldPaths() {}

    static boolean isSearchable(String path) {
        return !UNSEARCHABLE.matcher(path).matches();
    }

    /**
     * Whether a bare term (no field) looks at this path: §3.3 says it searches "all registry, shadow
     * (classic + named) and Defender fields", which leaves connectivity out. Groups are seen through the static ones
     * only (see {@link DocumentEncoding#STATIC_GROUPS}).
     */
    static boolean inCatchAll(String path) {
        return isSearchable(path) && !path.startsWith("connectivity.") && !path.equals("thingGroupNames");
    }

    /** Fields of the index's own, never offered to users ({@link DocumentEncoding#STATIC_GROUPS}). */
    static boolean isInternal(String path) {
        return path.startsWith("#");
    }

    /**
     * The names under which {@code field:*} finds this path: the path itself and each of its parents
     * ({@code shadow.reported.stats.battery} exists as {@code shadow.reported.stats} too), so that
     * {@code shadow.reported.location:*} finds a location reported as an object.
     */
    static List<String> existenceNames(String path) {
        var names = new ArrayList<String>();
        for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
            if (dot > 0) {
                names.add(path.substring(0, dot));
            }
        }
        names.add(path);
        return names;
    }
}
