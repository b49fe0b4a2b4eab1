package io.fleetdeck.views.fleet;

import io.fleetdeck.views.settings.ConsoleMemory;
import io.fleetdeck.views.settings.FleetLayout;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * How the Fleet section is laid out, kept across starts in the console settings: the Aggregations panel open or
 * closed and its width, and the table's hidden columns (the name column always shows: it is how a row is told
 * apart). Opening or closing the panel and choosing columns are saved at once; a width when the user lets go of the
 * divider, not at every pixel of the drag. Owned by the JavaFX thread.
 */
public final class FleetLayoutModel {

    private final ConsoleMemory memory;
    private final FleetAggregationModel aggregations;
    private final ReadOnlyDoubleWrapper aggregationsWidth;
    private final ObservableSet<ThingColumn> hidden = FXCollections.observableSet(EnumSet.noneOf(ThingColumn.class));
    private final ObservableSet<ThingColumn> hiddenView = FXCollections.unmodifiableObservableSet(hidden);

    /** Takes the panel's state from {@code memory} and writes there each change the user makes. */
    public FleetLayoutModel(ConsoleMemory memory, FleetAggregationModel aggregations) {
        this.memory = Objects.requireNonNull(memory, "memory");
        this.aggregations = Objects.requireNonNull(aggregations, "aggregations");
        FleetLayout saved = memory.settings().fleetLayout();
        aggregationsWidth = new ReadOnlyDoubleWrapper(saved.aggregationsWidth());
        for (String name : saved.hiddenColumns()) {
            columnNamed(name).filter(column -> column != ThingColumn.NAME).ifPresent(hidden::add);
        }
        aggregations.openProperty().set(saved.aggregationsOpen());
        aggregations.openProperty().addListener((obs, old, open) -> save());
    }

    /** The divider moves: the panel follows, within its narrowest and widest. */
    public void dragAggregations(double width) {
        aggregationsWidth.set(Math.clamp(width, FleetLayout.MIN_WIDTH, FleetLayout.MAX_WIDTH));
    }

    /** The user let go of the divider: the width is kept. */
    public void aggregationsResized() {
        save();
    }

    public void showColumn(ThingColumn column, boolean shown) {
        if (column == ThingColumn.NAME) {
            return;
        }
        boolean changed = shown ? hidden.remove(column) : hidden.add(column);
        if (changed) {
            save();
        }
    }

    public ReadOnlyDoubleProperty aggregationsWidthProperty() {
        return aggregationsWidth.getReadOnlyProperty();
    }

    public ObservableSet<ThingColumn> hiddenColumns() {
        return hiddenView;
    }

    private void save() {
        List<String> names = hidden.stream().sorted().map(ThingColumn::name).toList();
        FleetLayout layout = memory.settings()
                .fleetLayout()
                .withAggregations(aggregations.openProperty().get(), aggregationsWidth.get())
                .withHiddenColumns(names);
        memory.change(settings -> settings.withFleetLayout(layout));
    }

    private static Optional<ThingColumn> columnNamed(String name) {
        for (ThingColumn column : ThingColumn.values()) {
            if (column.name().equals(name)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
