package io.fleetdeck.views.fleet;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.search.Buckets;
import io.fleetdeck.api.search.FieldStatistics;
import io.fleetdeck.api.search.FleetSearchService;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregation panel beside the Fleet table: statistics of a number field and the most frequent values of another
 * for the things the current query finds (AWS-IOT-BEHAVIOUR §3.4), read again when the query, a field or the fleet
 * changes. One read runs at a time on {@code worker}; changes that come in meanwhile make one more read when it ends,
 * so a busy fleet costs at most one read after each batch of the table (a few a second). Reads only while the panel
 * is open. Owned by the JavaFX thread.
 */
public final class FleetAggregationModel {

    private static final Logger log = LoggerFactory.getLogger(FleetAggregationModel.class);
    /** What a site operator looks at first: how the batteries are, which firmware runs where. */
    public static final String DEFAULT_NUMBER_FIELD = "shadow.reported.battery";

    public static final String DEFAULT_BUCKET_FIELD = "attributes.firmwareVersion";
    /** Bars a chart can label legibly. */
    static final int MAX_BUCKETS = 10;

    private final FleetSearchService search;
    private final FleetViewModel fleet;
    private final Executor worker;
    private final Executor fxThread;

    private final BooleanProperty open = new SimpleBooleanProperty(this, "open", true);
    private final StringProperty numberField = new SimpleStringProperty(this, "numberField", DEFAULT_NUMBER_FIELD);
    private final StringProperty bucketField = new SimpleStringProperty(this, "bucketField", DEFAULT_BUCKET_FIELD);
    private final ReadOnlyObjectWrapper<FieldStatistics> statistics = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Buckets> buckets = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();

    private boolean reading;
    private boolean readAgain;

    public FleetAggregationModel(FleetSearchService search, FleetViewModel fleet, Executor worker, Executor fxThread) {
        this.search = Objects.requireNonNull(search, "search");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        fleet.searchProperty().addListener((obs, old, now) -> refresh());
        fleet.revisionProperty().addListener((obs, old, now) -> refresh());
        numberField.addListener((obs, old, now) -> refresh());
        bucketField.addListener((obs, old, now) -> refresh());
        open.addListener((obs, old, now) -> refresh());
    }

    /** Reads the aggregations again for the current query, now or right after the read under way. */
    public void refresh() {
        if (!open.get()) {
            return;
        }
        if (reading) {
            readAgain = true;
            return;
        }
        reading = true;
        readAgain = false;
        String query = fleet.searchProperty().get().isBlank()
                ? "*"
                : fleet.searchProperty().get();
        String numbers = numberField.get();
        String values = bucketField.get();
        worker.execute(() -> {
            FieldStatistics stats = null;
            Buckets ranked = null;
            String failure = null;
            try {
                stats = numbers == null || numbers.isBlank() ? null : search.statistics(query, numbers);
                ranked = values == null || values.isBlank() ? null : search.buckets(query, values, MAX_BUCKETS);
            } catch (FleetApiException | RuntimeException e) {
                log.warn("Could not aggregate the fleet for {}", query, e);
                failure = e.getMessage();
            }
            FieldStatistics readStats = stats;
            Buckets readBuckets = ranked;
            String readFailure = failure;
            fxThread.execute(() -> {
                statistics.set(readStats);
                buckets.set(readBuckets);
                problem.set(readFailure);
                reading = false;
                if (readAgain) {
                    refresh();
                }
            });
        });
    }

    /** Whether the panel shows; closed, it reads nothing. */
    public BooleanProperty openProperty() {
        return open;
    }

    /** The number field whose statistics show. */
    public StringProperty numberFieldProperty() {
        return numberField;
    }

    /** The field whose most frequent values show as bars. */
    public StringProperty bucketFieldProperty() {
        return bucketField;
    }

    public ReadOnlyObjectProperty<FieldStatistics> statisticsProperty() {
        return statistics.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Buckets> bucketsProperty() {
        return buckets.getReadOnlyProperty();
    }

    /** Why the last read failed, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
