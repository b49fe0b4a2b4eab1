package io.fleetdeck.views.fleet;

import io.fleetdeck.api.things.ThingOverview;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the Fleet table's list becomes, prepared off the JavaFX thread: either a whole new list (after loading, a new
 * filter or a new order) or a few row changes to apply in order (after live updates), so the JavaFX thread only
 * swaps or patches. Immutable.
 *
 * @param rows the whole list the table shows, or null when {@code changes} patch the list it has
 * @param changes row changes to apply in order to the list the table has; empty with {@code rows}
 * @param total how many things the fleet has, filtered or not
 * @param answered the number of the last query this update reflects, so the view knows when its query is done
 * @param problem why the fleet could not be read, or null
 */
public record FleetUpdate(
        @Nullable List<ThingOverview> rows,
        List<RowChange> changes,
        int total,
        long answered,
        @Nullable String problem) {

    public FleetUpdate {
        rows = rows == null ? null : List.copyOf(rows);
        changes = List.copyOf(changes);
    }

    static FleetUpdate whole(List<ThingOverview> rows, int total, long answered) {
        return new FleetUpdate(rows, List.of(), total, answered, null);
    }

    static FleetUpdate patch(List<RowChange> changes, int total, long answered) {
        return new FleetUpdate(null, changes, total, answered, null);
    }

    static FleetUpdate failed(String problem, long answered) {
        return new FleetUpdate(null, List.of(), 0, answered, problem);
    }

    public boolean replacesAll() {
        return rows != null;
    }

    /** One step of a patch: put {@code row} at {@code index}, insert it there, or remove the row there (row null). */
    public record RowChange(Kind kind, int index, @Nullable ThingOverview row) {

        public enum Kind {
            SET,
            INSERT,
            REMOVE
        }

        static RowChange set(int index, ThingOverview row) {
            return new RowChange(Kind.SET, index, row);
        }

        static RowChange insert(int index, ThingOverview row) {
            return new RowChange(Kind.INSERT, index, row);
        }

        static RowChange remove(int index) {
            return new RowChange(Kind.REMOVE, index, null);
        }

        /** Applies this step to {@code list}, as the table's list and the worker's copy of it both must. */
        public void applyTo(List<ThingOverview> list) {
            switch (kind) {
                case SET -> list.set(index, row);
                case INSERT -> list.add(index, row);
                case REMOVE -> list.remove(index);
            }
        }
    }
}
