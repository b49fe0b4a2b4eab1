package io.fleetdeck.views.fleet;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.event.FleetEvents;
import io.fleetdeck.api.search.FleetSearchService;
import io.fleetdeck.api.things.FleetOverview;
import io.fleetdeck.api.things.ThingOverview;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Fleet table's rows on one background thread, so the window never waits for the fleet: reads every thing at
 * start, collects the names of things that change and reads those at most four times a second, and filters and sorts
 * for each query. A query with a fleet index search asks the {@link FleetSearchService} which things it finds once, and with
 * each batch of changes asks only which of the changed things it finds now (the directory reports a thing once the
 * index has it as it is), so a busy fleet costs the search what changed, not the whole fleet again. Every result goes
 * to the JavaFX thread as a {@link FleetUpdate}, in order.
 *
 * <p>Create it, give it the view model's queries ({@code new FleetViewModel(feed, clock)}), then
 * {@link #start} it with the view model's {@code apply}; close it when the window closes.
 */
public final class FleetFeed implements FleetQueries, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FleetFeed.class);
    /** Changes are read and shown in batches this far apart at most, however fast things change. */
    static final long BATCH_MILLIS = 250;
    /** After the fleet could not be read, try again this much later. */
    static final long RETRY_MILLIS = 5_000;

    private final FleetOverview directory;
    private final FleetEvents events;
    /** Null when the console has no fleet index: only the quick filter then. */
    private final @Nullable FleetSearchService search;

    private final Executor fxThread;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("fleet-view-worker").factory());
    /** Set when the index was rebuilt or events were lost: the worker reads the whole fleet once more. */
    private volatile boolean rereadAll;
    /** Filled by the index's announcements on any thread, drained by the worker. */
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    /** The newest query not yet run; queries typed faster than they run are skipped to the last one. */
    private final AtomicReference<@Nullable Numbered> wanted = new AtomicReference<>();
    /** Worker thread only. */
    private final FleetRows rows = new FleetRows();
    /** Worker thread only. */
    private boolean loaded;
    /** Worker thread only: the last search that ran, and what it found, kept when a later one fails. */
    private String lastSearch = "";

    private @Nullable Set<String> lastFound;

    private volatile @Nullable Consumer<FleetUpdate> apply;
    private volatile @Nullable AutoCloseable subscription;

    public FleetFeed(FleetOverview directory, FleetEvents events, Executor fxThread) {
        this(directory, events, null, fxThread);
    }

    /** @param search the fleet index that runs the queries' searches, or null for the quick filter alone */
    public FleetFeed(
            FleetOverview directory, FleetEvents events, @Nullable FleetSearchService search, Executor fxThread) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.events = Objects.requireNonNull(events, "events");
        this.search = search;
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    }

    /** Reads the fleet and follows its changes; {@code apply} gets every update on the JavaFX thread. */
    public void start(Consumer<FleetUpdate> apply) {
        if (this.apply != null) {
            throw new IllegalStateException("the Fleet feed is already started");
        }
        this.apply = Objects.requireNonNull(apply, "apply");
        // listening before reading: a thing that changes while the fleet is read is read again afterwards
        subscription = IndexedThings.follow(events, "fleet table", "fleet-view-events", new IndexedThings.Listener() {
            @Override
            public void indexed(Set<String> thingNames) {
                changed.addAll(thingNames);
            }

            @Override
            public void everythingMayHaveChanged() {
                rereadAll = true;
            }
        });
        worker.execute(this::load);
        worker.scheduleWithFixedDelay(this::readChanges, BATCH_MILLIS, BATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Asks for the fleet by {@code query}, numbered by the view model; any thread. */
    @Override
    public void query(TableQuery query, long number) {
        wanted.set(new Numbered(query, number));
        worker.execute(this::runQuery);
    }

    @Override
    public void close() {
        AutoCloseable listening = subscription;
        if (listening != null) {
            try {
                listening.close();
            } catch (Exception e) {
                log.warn("Could not stop listening to the fleet's changes", e);
            }
        }
        worker.shutdownNow();
    }

    private record Numbered(TableQuery query, long number) {}

    private void load() {
        try {
            List<ThingOverview> all = directory.allThings();
            Numbered pending = wanted.getAndSet(null);
            if (pending != null) {
                show(pending.query(), pending.number());
            }
            hand(rows.load(all));
            loaded = true;
        } catch (FleetApiException | RuntimeException e) {
            log.warn("Could not read the fleet for the Fleet view", e);
            hand(FleetUpdate.failed(describe(e), 0));
            worker.schedule(this::load, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void runQuery() {
        Numbered next = wanted.getAndSet(null);
        if (next == null || !loaded) {
            // already run with a later one, or the load picks it up
            if (next != null) {
                wanted.compareAndSet(null, next);
            }
            return;
        }
        hand(show(next.query(), next.number()));
    }

    /** The list by {@code query}, its search run now; a search that fails leaves the last good one in place. */
    private FleetUpdate show(TableQuery query, long number) {
        if (search == null || !query.searches()) {
            return rows.query(query, number);
        }
        try {
            Set<String> found = search.thingsMatching(query.search());
            lastSearch = query.search();
            lastFound = found;
            return rows.query(query, number, found);
        } catch (FleetApiException | RuntimeException e) {
            // the query bar checks a query before it runs it, so this is the index failing: keep what is shown
            log.warn("The fleet search {} failed; the table keeps the last one", query.search(), e);
            return rows.query(new TableQuery(query.filter(), query.order(), lastSearch), number, lastFound);
        }
    }

    /**
     * What the current search finds once {@code names} changed: the things it found before, with the changed ones
     * asked again; what it found last time when the index fails.
     */
    private @Nullable Set<String> foundAfter(List<String> names) {
        FleetSearchService index = search;
        if (index == null) {
            return null;
        }
        String query = rows.current().search();
        try {
            if (lastFound == null || !query.equals(lastSearch)) {
                lastFound = index.thingsMatching(query);
                lastSearch = query;
                return lastFound;
            }
            Set<String> found = new HashSet<>(lastFound);
            names.forEach(found::remove);
            found.addAll(index.thingsMatchingAmong(query, names));
            lastFound = found;
        } catch (FleetApiException | RuntimeException e) {
            log.warn("The fleet search {} failed; the table keeps what it found before", lastSearch, e);
        }
        return lastFound;
    }

    private void readChanges() {
        boolean searching = search != null && rows.current().searches();
        if (loaded && rereadAll) {
            rereadAll = false;
            readAllAgain(searching);
            return;
        }
        if (!loaded || changed.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>(changed.size());
        for (String name : changed) {
            names.add(name);
            changed.remove(name);
        }
        try {
            Collection<ThingOverview> now = directory.things(names);
            FleetUpdate update = searching
                    ? rows.changed(names, List.copyOf(now), foundAfter(names))
                    : rows.changed(names, List.copyOf(now));
            if (update != null) {
                hand(update);
            }
        } catch (FleetApiException | RuntimeException e) {
            // read them again next time
            changed.addAll(names);
            log.warn("Could not read {} changed things for the Fleet view", names.size(), e);
        }
    }

    /**
     * Everything may have changed: the whole fleet is read again, the things that are gone leave, and the search runs
     * over the whole fleet once more.
     */
    private void readAllAgain(boolean searching) {
        try {
            List<ThingOverview> all = directory.allThings();
            Set<String> names = new LinkedHashSet<>(rows.names());
            all.forEach(row -> names.add(row.name()));
            changed.removeAll(names);
            lastFound = null;
            FleetUpdate update =
                    searching ? rows.changed(names, all, foundAfter(List.copyOf(names))) : rows.changed(names, all);
            if (update != null) {
                hand(update);
            }
        } catch (FleetApiException | RuntimeException e) {
            rereadAll = true;
            log.warn("Could not read the fleet again for the Fleet view", e);
        }
    }

    private void hand(FleetUpdate update) {
        Consumer<FleetUpdate> target = apply;
        if (target != null) {
            fxThread.execute(() -> target.accept(update));
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? "unexpected " + e.getClass().getSimpleName() : e.getMessage();
    }
}
