package io.fleetdeck.views.fleet;

import io.fleetdeck.views.settings.ConsoleMemory;
import io.fleetdeck.views.settings.SavedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The fleet queries a user ran lately and those they keep by name, remembered with the console's settings so they
 * survive a restart. Owned by the JavaFX thread.
 */
public final class QueryHistory {

    /** Enough to find yesterday's query again, few enough to scan in a menu. */
    static final int RECENT_LIMIT = 20;

    private final ConsoleMemory memory;
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final ObservableList<SavedQuery> saved = FXCollections.observableArrayList();
    private final ObservableList<String> recentView = FXCollections.unmodifiableObservableList(recent);
    private final ObservableList<SavedQuery> savedView = FXCollections.unmodifiableObservableList(saved);

    public QueryHistory(ConsoleMemory memory) {
        this.memory = Objects.requireNonNull(memory, "memory");
        recent.setAll(memory.settings().recentQueries());
        saved.setAll(memory.settings().savedQueries());
    }

    /** A query that ran: first in the recent list, once, the oldest dropped beyond {@link #RECENT_LIMIT}. */
    public void ran(String query) {
        String text = query.strip();
        if (text.isEmpty()) {
            return;
        }
        List<String> next = new ArrayList<>(recent);
        next.remove(text);
        next.addFirst(text);
        recent.setAll(next.subList(0, Math.min(RECENT_LIMIT, next.size())));
        remember();
    }

    /** Keeps {@code query} as {@code name}; a query saved under a name that is taken replaces it there. */
    public void save(String name, String query) {
        SavedQuery kept = new SavedQuery(name.strip(), query.strip());
        int at = indexOf(kept.name());
        if (at >= 0) {
            saved.set(at, kept);
        } else {
            saved.add(kept);
        }
        remember();
    }

    public void delete(String name) {
        int at = indexOf(name);
        if (at >= 0) {
            saved.remove(at);
            remember();
        }
    }

    /** Newest first. */
    public ObservableList<String> recent() {
        return recentView;
    }

    /** In the order they were saved. */
    public ObservableList<SavedQuery> saved() {
        return savedView;
    }

    private int indexOf(String name) {
        for (int i = 0; i < saved.size(); i++) {
            if (saved.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void remember() {
        memory.change(settings -> settings.withQueries(List.copyOf(recent), List.copyOf(saved)));
    }
}
