package io.fleetdeck.views.fleet;

import io.fleetdeck.api.things.ThingOverview;
import io.fleetdeck.views.common.Texts;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The Fleet table's columns, each with the key it sorts by. A missing value (no type, never seen, no shadow) has a
 * null key, which sorts last in both directions so the things that have one stay on top.
 */
public enum ThingColumn {
    NAME("fleet.column.name", row -> NaturalKey.of(row.name())),
    TYPE("fleet.column.type", row -> NaturalKey.ofNullable(row.thingType())),
    GROUPS(
            "fleet.column.groups",
            row -> row.groups().isEmpty() ? null : NaturalKey.of(String.join(", ", row.groups()))),
    CONNECTED("fleet.column.connected", ThingOverview::connected),
    LAST_SEEN("fleet.column.lastSeen", ThingOverview::lastSeen),
    // things waiting for their device come after those in sync, the most fields waiting last; then by version
    SHADOW(
            "fleet.column.shadow",
            row -> row.hasShadow() ? ((long) row.pendingDeltaFields() << 40) + row.shadowVersion() : null),
    FIRMWARE("fleet.column.firmware", row -> NaturalKey.ofNullable(row.firmwareVersion()));

    private final String titleKey;
    private final Function<ThingOverview, @Nullable Comparable<?>> key;

    ThingColumn(String titleKey, Function<ThingOverview, @Nullable Comparable<?>> key) {
        this.titleKey = titleKey;
        this.key = key;
    }

    /** The column's heading, in the default locale. */
    public String title() {
        return Texts.get(titleKey);
    }

    /** What the column sorts {@code row} by; null when the row has no value there. */
    @Nullable Comparable<?> keyOf(ThingOverview row) {
        return key.apply(row);
    }
}
