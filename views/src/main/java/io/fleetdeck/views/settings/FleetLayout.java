package io.fleetdeck.views.settings;

import java.util.List;

/**
 * How the user left the Fleet section: whether the Aggregations panel is open, how wide it is, and which of the
 * table's columns are hidden (by their names, as {@code LAST_SEEN}). Immutable.
 *
 * @param aggregationsWidth the panel's width in pixels
 */
public record FleetLayout(boolean aggregationsOpen, double aggregationsWidth, List<String> hiddenColumns) {

    /** The panel's width at first start, and its narrowest and widest: it must leave the table room. */
    public static final double DEFAULT_WIDTH = 340;

    public static final double MIN_WIDTH = 260;
    public static final double MAX_WIDTH = 640;

    public FleetLayout {
        aggregationsWidth = Double.isFinite(aggregationsWidth)
                ? Math.clamp(aggregationsWidth, MIN_WIDTH, MAX_WIDTH)
                : DEFAULT_WIDTH;
        hiddenColumns = hiddenColumns == null ? List.of() : List.copyOf(hiddenColumns);
    }

    public static FleetLayout defaults() {
        return new FleetLayout(true, DEFAULT_WIDTH, List.of());
    }

    public FleetLayout withAggregations(boolean open, double width) {
        return new FleetLayout(open, width, hiddenColumns);
    }

    public FleetLayout withHiddenColumns(List<String> hidden) {
        return new FleetLayout(aggregationsOpen, aggregationsWidth, hidden);
    }
}
