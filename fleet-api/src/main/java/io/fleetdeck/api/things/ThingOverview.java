package io.fleetdeck.api.things;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing as the fleet overview (the Fleet table) shows it: flat and immutable, so 100,000 rows stay cheap to hold, sort and hand between
 * threads.
 *
 * @param thingType null when the thing has none
 * @param groups the static groups it is directly in
 * @param lastSeen when the broker last heard from it (a connect, a message, a disconnect), a few seconds late at most;
 *     null when the broker has never seen it
 * @param shadowVersion the classic shadow's version; 0 when the thing has no classic shadow
 * @param pendingDeltaFields how many leaves of the classic shadow's delta wait for the device (desired ≠ reported)
 * @param firmwareVersion the thing's {@code firmwareVersion} attribute, null when it has none
 */
public record ThingOverview(
        String name,
        @Nullable String thingType,
        List<String> groups,
        boolean connected,
        @Nullable Instant lastSeen,
        long shadowVersion,
        int pendingDeltaFields,
        @Nullable String firmwareVersion) {

    /** The registry attribute the firmware column shows. */
    public static final String FIRMWARE_ATTRIBUTE = "firmwareVersion";

    public ThingOverview {
        Objects.requireNonNull(name, "name");
        groups = List.copyOf(groups);
    }

    public boolean hasShadow() {
        return shadowVersion > 0;
    }
}
