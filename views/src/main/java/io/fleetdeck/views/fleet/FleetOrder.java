package io.fleetdeck.views.fleet;

import io.fleetdeck.api.things.ThingOverview;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the Fleet table is sorted: by one column, up or down, ties by name. Missing values sort last either way. The
 * order is total (names are unique), so a sorted list can be searched for a row's place.
 */
public record FleetOrder(ThingColumn column, boolean ascending) {

    public static final FleetOrder BY_NAME = new FleetOrder(ThingColumn.NAME, true);

    public FleetOrder {
        Objects.requireNonNull(column, "column");
    }

    /** Compares rows, working out their keys on each call: for placing a few rows in a sorted list. */
    Comparator<ThingOverview> comparator() {
        return (a, b) -> compare(column.keyOf(a), a, column.keyOf(b), b);
    }

    /**
     * {@code rows} in this order, each row's key worked out once rather than at every comparison; for sorting the
     * whole fleet.
     */
    List<ThingOverview> sort(List<ThingOverview> rows) {
        Keyed[] keyed = new Keyed[rows.size()];
        for (int i = 0; i < keyed.length; i++) {
            ThingOverview row = rows.get(i);
            keyed[i] = new Keyed(column.keyOf(row), row);
        }
        Arrays.sort(keyed, (a, b) -> compare(a.key, a.row, b.key, b.row));
        ThingOverview[] sorted = new ThingOverview[keyed.length];
        for (int i = 0; i < keyed.length; i++) {
            sorted[i] = keyed[i].row;
        }
        return Arrays.asList(sorted);
    }

    private record Keyed(@Nullable Comparable<?> key, ThingOverview row) {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compare(@Nullable Comparable keyA, ThingOverview a, @Nullable Comparable keyB, ThingOverview b) {
        if (keyA != keyB) {
            if (keyA == null) {
                return 1;
            }
            if (keyB == null) {
                return -1;
            }
            int byKey = keyA.compareTo(keyB);
            if (byKey != 0) {
                return ascending ? byKey : -byKey;
            }
        }
        int byName = a.name().compareTo(b.name());
        return column == ThingColumn.NAME && !ascending ? -byName : byName;
    }
}
