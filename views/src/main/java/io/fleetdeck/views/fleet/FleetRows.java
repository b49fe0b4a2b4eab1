package io.fleetdeck.views.fleet;

import io.fleetdeck.api.things.ThingOverview;
import io.fleetdeck.views.fleet.FleetUpdate.RowChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every thing of the fleet by name, and the list the table shows for the current query: filtered and sorted here, off
 * the JavaFX thread. A few changed things become row changes that keep the table's selection and scroll position; many
 * become one new list. Not thread-safe: owned by the Fleet feed's worker thread.
 */
final class FleetRows {

    /** Beyond this many row changes one new list is cheaper for the table than applying them one by one. */
    static final int PATCH_LIMIT = 200;

    private final Map<String, ThingOverview> byName = new HashMap<>();
    private TableQuery query = TableQuery.ALL;
    /** The things the query's index search found, or null when it has none. */
    private @Nullable Set<String> found;

    private Comparator<ThingOverview> order = query.order().comparator();
    /** The list as the table has it once it applied every update handed out so far. */
    private List<ThingOverview> shown = new ArrayList<>();

    private long answered;

    /** Takes the whole fleet, as read at start or after a failure. */
    /** The names of every thing held, shown or not. */
    Set<String> names() {
        return Set.copyOf(byName.keySet());
    }

    FleetUpdate load(List<ThingOverview> rows) {
        byName.clear();
        for (ThingOverview row : rows) {
            byName.put(row.name(), row);
        }
        return reshow();
    }

    /** Shows the fleet by {@code next}, which the view numbered {@code number}. */
    FleetUpdate query(TableQuery next, long number) {
        return query(next, number, null);
    }

    /**
     * Shows the fleet by {@code next}, among the things its index search found ({@code found}, null when it has no
     * search).
     */
    FleetUpdate query(TableQuery next, long number, @Nullable Set<String> found) {
        this.found = found == null ? null : Set.copyOf(found);
        query = next;
        order = next.order().comparator();
        answered = number;
        return reshow();
    }

    /**
     * Takes what {@code names} are now: {@code now} holds those that still exist. Returns null when the table's list
     * does not change (e.g. only things the filter hides changed).
     */
    @Nullable FleetUpdate changed(Collection<String> names, List<ThingOverview> now) {
        return changed(names, now, found);
    }

    /**
     * As {@link #changed(Collection, List)}, with what the query's index search finds now ({@code nowFound}, null
     * when it has no search): things that entered or left it move in or out of the list too.
     */
    @Nullable FleetUpdate changed(Collection<String> names, List<ThingOverview> now, @Nullable Set<String> nowFound) {
        Map<String, ThingOverview> current = new HashMap<>(now.size() * 2);
        for (ThingOverview row : now) {
            current.put(row.name(), row);
        }
        Set<String> read = new HashSet<>(names);
        Set<String> asked = new LinkedHashSet<>(names);
        asked.addAll(current.keySet());
        Set<String> foundNow = nowFound == null || !query.searches() ? null : Set.copyOf(nowFound);
        if (found != null && foundNow != null) {
            addDifference(found, foundNow, asked);
            addDifference(foundNow, found, asked);
        }
        TableQuery.Matcher was = query.matcher(found);
        TableQuery.Matcher is = query.matcher(foundNow);
        found = foundNow;
        List<RowChange> changes = new ArrayList<>();
        for (String name : asked) {
            ThingOverview before = byName.get(name);
            // a name read from the directory and missing was deleted; one that only entered or left the search is as it
            // was
            ThingOverview after = current.containsKey(name) ? current.get(name) : read.contains(name) ? null : before;
            if (after == null) {
                byName.remove(name);
            } else {
                byName.put(name, after);
            }
            if (changes.size() <= PATCH_LIMIT) {
                place(before, after, was, is, changes);
            }
        }
        if (changes.size() > PATCH_LIMIT) {
            return reshow();
        }
        return changes.isEmpty() ? null : FleetUpdate.patch(changes, byName.size(), answered);
    }

    /** The query the list is shown by. */
    TableQuery current() {
        return query;
    }

    int total() {
        return byName.size();
    }

    /** The list as the table has it, for tests. */
    List<ThingOverview> shown() {
        return Collections.unmodifiableList(shown);
    }

    /** Adds the names in {@code a} that are not in {@code b}. */
    private static void addDifference(Set<String> a, Set<String> b, Set<String> into) {
        for (String name : a) {
            if (!b.contains(name)) {
                into.add(name);
            }
        }
    }

    /** Moves one thing from where {@code before} stood in the list to where {@code after} belongs. */
    private void place(
            @Nullable ThingOverview before,
            @Nullable ThingOverview after,
            TableQuery.Matcher was,
            TableQuery.Matcher is,
            List<RowChange> changes) {
        int at = before != null && was.matches(before) ? Collections.binarySearch(shown, before, order) : -1;
        boolean shows = after != null && is.matches(after);
        if (at >= 0 && after != null && shows && order.compare(before, after) == 0) {
            // same place in the order: the row changes where it is, and the table keeps selection and scroll
            change(RowChange.set(at, after), changes);
            return;
        }
        if (at >= 0) {
            change(RowChange.remove(at), changes);
        }
        if (shows && after != null) {
            int found = Collections.binarySearch(shown, after, order);
            change(RowChange.insert(found >= 0 ? found : -found - 1, after), changes);
        }
    }

    private void change(RowChange change, List<RowChange> changes) {
        change.applyTo(shown);
        changes.add(change);
    }

    private FleetUpdate reshow() {
        TableQuery.Matcher matcher = query.matcher(found);
        List<ThingOverview> matching = new ArrayList<>(query.filters() ? 1024 : byName.size());
        for (ThingOverview row : byName.values()) {
            if (matcher.matches(row)) {
                matching.add(row);
            }
        }
        List<ThingOverview> sorted = query.order().sort(matching);
        shown = new ArrayList<>(sorted);
        return FleetUpdate.whole(sorted, byName.size(), answered);
    }
}
