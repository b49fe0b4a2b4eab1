package io.fleetdeck.views.broker;

import io.fleetdeck.api.broker.BrokerSnapshot;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The Broker view's state: connected clients, messages per second in and out (and their last minute), drops, the
 * client table and the topics. Each {@link #apply} takes one snapshot sampled off the JavaFX thread and changes the
 * lists in one step each, so a busy broker costs the window one update per sample. Owned by the JavaFX thread.
 */
public final class BrokerViewModel {

    /** How many samples the rate chart keeps: a minute at the feed's half-second interval. */
    static final int HISTORY = 120;
    /** The tiles show the rate over the last five seconds. */
    static final int TILE_SAMPLES = 10;

    private final ReadOnlyStringWrapper endpoint = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper connectedClients = new ReadOnlyIntegerWrapper();
    private final ReadOnlyDoubleWrapper inPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper outPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyLongWrapper dropped = new ReadOnlyLongWrapper();
    private final ReadOnlyIntegerWrapper retained = new ReadOnlyIntegerWrapper();
    private final ObservableList<BrokerSnapshot.ClientRow> clients = FXCollections.observableArrayList();
    private final ObservableList<BrokerSnapshot.TopicRow> topics = FXCollections.observableArrayList();
    private final ObservableList<RatePoint> rateHistory = FXCollections.observableArrayList();
    // Read-only views made once: an unmodifiable list only weakly listens to its source, so a fresh one per call
    // could be collected under a listener's feet.
    private final ObservableList<BrokerSnapshot.ClientRow> clientsView =
            FXCollections.unmodifiableObservableList(clients);
    private final ObservableList<BrokerSnapshot.TopicRow> topicsView = FXCollections.unmodifiableObservableList(topics);
    private final ObservableList<RatePoint> rateHistoryView = FXCollections.unmodifiableObservableList(rateHistory);
    private final Deque<double[]> rates = new ArrayDeque<>();
    private @Nullable BrokerSnapshot previous;
    private BrokerSnapshot.QueueBounds queueBounds = BrokerSnapshot.QueueBounds.DEFAULTS;

    public void apply(BrokerSnapshot snapshot) {
        endpoint.set(snapshot.endpoint());
        connectedClients.set((int) snapshot.clients().stream()
                .filter(BrokerSnapshot.ClientRow::connected)
                .count());
        dropped.set(snapshot.dropped());
        retained.set(snapshot.retained());
        if (previous != null) {
            double seconds =
                    Duration.between(previous.takenAt(), snapshot.takenAt()).toNanos() / 1e9;
            if (seconds > 0) {
                double in = (snapshot.messagesIn() - previous.messagesIn()) / seconds;
                double out = (snapshot.messagesOut() - previous.messagesOut()) / seconds;
                remember(seconds, in, out);
                inPerSecond.set(recentAverage(1));
                outPerSecond.set(recentAverage(2));
            }
        }
        previous = snapshot;
        queueBounds = snapshot.queueBounds();
        clients.setAll(snapshot.clients());
        topics.setAll(snapshot.topics());
    }

    /**
     * The rate over the last {@value #TILE_SAMPLES} samples, weighted by their length: a few messages a second come in
     * bursts, and a single half-second sample would make the tiles flicker between 0 and 4.
     */
    private double recentAverage(int column) {
        double messages = 0;
        double seconds = 0;
        int taken = 0;
        for (var sample : rates.reversed()) {
            if (taken++ == TILE_SAMPLES) {
                break;
            }
            messages += sample[column] * sample[0];
            seconds += sample[0];
        }
        return seconds == 0 ? 0 : messages / seconds;
    }

    private void remember(double seconds, double in, double out) {
        rates.addLast(new double[] {seconds, in, out});
        while (rates.size() > HISTORY) {
            rates.removeFirst();
        }
        double[] ago = {0};
        List<RatePoint> points = rates.reversed().stream()
                .map(sample -> {
                    RatePoint point = new RatePoint(-ago[0], sample[1], sample[2]);
                    ago[0] += sample[0];
                    return point;
                })
                .toList()
                .reversed();
        rateHistory.setAll(points);
    }

    public ReadOnlyStringProperty endpointProperty() {
        return endpoint.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty connectedClientsProperty() {
        return connectedClients.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty inPerSecondProperty() {
        return inPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty outPerSecondProperty() {
        return outPerSecond.getReadOnlyProperty();
    }

    /** Why a client's messages were dropped, in words; empty when none were. */
    public String droppedExplanation(BrokerSnapshot.ClientRow client) {
        return DroppedExplanation.of(client.drops(), queueBounds);
    }

    public ReadOnlyLongProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty retainedProperty() {
        return retained.getReadOnlyProperty();
    }

    public ObservableList<BrokerSnapshot.ClientRow> clients() {
        return clientsView;
    }

    public ObservableList<BrokerSnapshot.TopicRow> topics() {
        return topicsView;
    }

    public ObservableList<RatePoint> rateHistory() {
        return rateHistoryView;
    }
}
