package io.fleetdeck.views.thing;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * A shadow's kept versions, newest first, and the two being compared with what changed between them. A new read
 * follows the newest version when the user was looking at it, and otherwise keeps their pair. Owned by the JavaFX
 * thread.
 */
final class ShadowHistory {

    private final ObservableList<TimelineVersion> versions = FXCollections.observableArrayList();
    private final ObjectProperty<TimelineVersion> compareFrom = new SimpleObjectProperty<>(this, "compareFrom");
    private final ObjectProperty<TimelineVersion> compareTo = new SimpleObjectProperty<>(this, "compareTo");
    private final ObservableList<FieldChange> diff = FXCollections.observableArrayList();
    private final ObservableList<TimelineVersion> versionsView = FXCollections.unmodifiableObservableList(versions);
    private final ObservableList<FieldChange> diffView = FXCollections.unmodifiableObservableList(diff);

    ShadowHistory() {
        compareFrom.addListener(obs -> updateDiff());
        compareTo.addListener(obs -> updateDiff());
    }

    void clear() {
        versions.clear();
    }

    void show(List<TimelineVersion> timeline) {
        long fromVersion = compareFrom.get() == null ? -1 : compareFrom.get().version();
        long toVersion = compareTo.get() == null ? -1 : compareTo.get().version();
        boolean newest =
                toVersion < 0 || (!versions.isEmpty() && versions.getFirst().version() == toVersion);
        versions.setAll(timeline);
        if (timeline.isEmpty()) {
            compareFrom.set(null);
            compareTo.set(null);
            return;
        }
        TimelineVersion to = newest ? timeline.getFirst() : find(timeline, toVersion);
        TimelineVersion from = newest ? (timeline.size() > 1 ? timeline.get(1) : null) : find(timeline, fromVersion);
        compareTo.set(to == null ? timeline.getFirst() : to);
        compareFrom.set(from);
    }

    ObservableList<TimelineVersion> versions() {
        return versionsView;
    }

    ObjectProperty<TimelineVersion> compareFromProperty() {
        return compareFrom;
    }

    ObjectProperty<TimelineVersion> compareToProperty() {
        return compareTo;
    }

    ObservableList<FieldChange> diff() {
        return diffView;
    }

    private static @Nullable TimelineVersion find(List<TimelineVersion> timeline, long version) {
        return timeline.stream().filter(v -> v.version() == version).findFirst().orElse(null);
    }

    private void updateDiff() {
        TimelineVersion to = compareTo.get();
        if (to == null) {
            diff.clear();
            return;
        }
        TimelineVersion from = compareFrom.get();
        diff.setAll(
                from == null
                        ? to.changesFromPrevious()
                        : from.version() <= to.version()
                                ? ShadowDiff.between(from.document(), to.document())
                                : ShadowDiff.between(to.document(), from.document()));
    }
}
