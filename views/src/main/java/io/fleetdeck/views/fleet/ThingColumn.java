package io.fleetdeck.views.fleet;

import io.fleetdeck.api.things.ThingOverview;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The Fleet table's columns, each with the key it sorts by. A missing value (no type, never seen, no shadow) has a
 * null key, which sorts last in both directions so the things that have one stay on top.
 */
public enum ThingColumn {
    NAME("Name", row -> NaturalKey.of(row.name())),
    TYPE("Type", row -> NaturalKey.ofNullable(row.thingType())),
    GROUPS("Groups", row -> row.groups().isEmpty() ? null : NaturalKey.of(String.join(", ", row.groups()))),
    CONNECTED("Connected", ThingOverview::connected),
    LAST_SEEN("Last seen", ThingOverview::lastSeen),
    // things waiting for their device come after those in sync, the most fields waiting last; then by version
    SHADOW("Shadow", row -> row.hasShadow() ? ((long) row.pendingDeltaFields() << 40) + row.shadowVersion() : null),
    FIRMWARE("Firmware", row -> NaturalKey.ofNullable(row.firmwareVersion()));

    private final String title;
    private final Function<ThingOverview, @Nullable Comparable<?>> key;

    ThingColumn(String title, Function<ThingOverview, @Nullable Comparable<?>> key) {
        this.title = title;
        this.key = key;
    }

    /** The column's heading. */
    public String title() {
        return title;
    }

    /** What the column sorts {@code row} by; null when the row has no value there. */
    @Nullable Comparable<?> keyOf(ThingOverview row) {
        return key.apply(row);
    }
}
