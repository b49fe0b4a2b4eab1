package io.fleetdeck.views.fleet;

import io.fleetdeck.api.things.ThingOverview;
import io.fleetdeck.views.common.RelativeNow;
import io.fleetdeck.views.common.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Fleet view's state: the rows the table shows, the filter text, the order, the counts and whether a query is on
 * its way. Filtering and sorting happen in the feed off the JavaFX thread; this only asks ({@link #filterProperty},
 * {@link #orderBy}) and takes the answers ({@link #apply}): a whole new list in one step or a few row changes. Owned
 * by the JavaFX thread.
 */
public final class FleetViewModel {

    private final FleetQueries queries;
    private final Clock clock;
    private final RelativeNow relativeNow;

    private final ObservableList<ThingOverview> things = FXCollections.observableArrayList();
    private final ObservableList<ThingOverview> thingsView = FXCollections.unmodifiableObservableList(things);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyStringWrapper search = new ReadOnlyStringWrapper(this, "search", "");
    private final ReadOnlyObjectWrapper<FleetOrder> order = new ReadOnlyObjectWrapper<>(FleetOrder.BY_NAME);
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final ReadOnlyLongWrapper answered = new ReadOnlyLongWrapper();
    private final StringBinding countText;

    private long asked;

    public FleetViewModel(FleetQueries queries, Clock clock) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.relativeNow = new RelativeNow(clock);
        filter.addListener((obs, old, now) -> ask());
        countText = Bindings.createStringBinding(this::count, loaded, total, shown, filter, search, problem);
    }

    /** Takes an update prepared by the feed: swaps the whole list in, or applies its row changes in order. */
    public void apply(FleetUpdate update) {
        if (update.problem() != null) {
            problem.set(update.problem());
            return;
        }
        problem.set(null);
        if (update.replacesAll()) {
            things.setAll(update.rows());
            relativeNow.forgetShown();
            things.forEach(row -> relativeNow.shows(row.lastSeen()));
        } else {
            for (FleetUpdate.RowChange change : update.changes()) {
                change.applyTo(things);
                ThingOverview row = change.row();
                if (row != null) {
                    relativeNow.shows(row.lastSeen());
                }
            }
        }
        total.set(update.total());
        shown.set(things.size());
        loaded.set(true);
        working.set(update.answered() < asked);
        answered.set(update.answered());
        revision.set(revision.get() + 1);
    }

    /** Sorts by {@code column}; the table shows the new order once the feed has sorted off the JavaFX thread. */
    public void orderBy(ThingColumn column, boolean ascending) {
        FleetOrder next = new FleetOrder(column, ascending);
        if (!next.equals(order.get())) {
            order.set(next);
            ask();
        }
    }

    /**
     * Shows the things a fleet index query finds ({@code shadow.reported.battery<20}); blank shows every thing. The
     * query bar checks the text first: the feed keeps the last good search when this one does not run.
     */
    public void search(String query) {
        String next = query == null ? "" : query.strip();
        if (!next.equals(search.get())) {
            search.set(next);
            ask();
        }
    }

    /** The query the table shows once the feed has answered. */
    public TableQuery query() {
        return new TableQuery(filter.get(), order.get(), search.get());
    }

    private void ask() {
        asked++;
        working.set(true);
        queries.query(query(), asked);
    }

    private String count() {
        if (problem.get() != null && !loaded.get()) {
            return "";
        }
        if (!loaded.get()) {
            return Texts.get("fleet.reading");
        }
        if (filter.get().isBlank() && search.get().isBlank()) {
            return Texts.get("fleet.count", total.get());
        }
        return Texts.get("fleet.countOf", shown.get(), total.get());
    }

    // --- presentation

    /** Now as the table's relative times ("12 s ago") are written against; moves with {@link #tick}. */
    public Instant now() {
        return relativeNow.now();
    }

    /** The view's timeline calls this every second: the last-seen column ages (see {@link RelativeNow}). */
    public void tick() {
        relativeNow.tick();
    }

    /** Moves when the table's relative times should be written again. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return relativeNow.nowProperty();
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    // --- properties

    /** The things the table shows, filtered and sorted; replaced in one step or patched row by row. */
    public ObservableList<ThingOverview> things() {
        return thingsView;
    }

    /** Narrows the table to things whose name, type, groups or firmware version contain this text, case aside. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The fleet index query the table is narrowed by, as last run; empty for every thing. */
    public ReadOnlyStringProperty searchProperty() {
        return search.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FleetOrder> orderProperty() {
        return order.getReadOnlyProperty();
    }

    /** How many things the fleet has, whatever the filter. */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** How many things the table shows. */
    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** {@code 12,345 of 100,000 things} while filtered, {@code 100,000 things} when not. */
    public StringBinding countText() {
        return countText;
    }

    /** Whether the fleet has been read once, so the view can tell "no things" from "not read yet". */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** True from a new filter or order until the feed's answer is in the table. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** Why the fleet could not be read (the feed tries again), or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The number of the last query the table shows the answer to; moves on when a new filter or order is in. */
    public ReadOnlyLongProperty answeredProperty() {
        return answered.getReadOnlyProperty();
    }

    /** Moves on after every update applied, once the list is up to date. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
