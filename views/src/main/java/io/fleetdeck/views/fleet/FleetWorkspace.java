package io.fleetdeck.views.fleet;

import io.fleetdeck.api.event.FleetEvents;
import io.fleetdeck.api.search.FleetSearchService;
import io.fleetdeck.api.shadows.ShadowService;
import io.fleetdeck.api.things.FleetOverview;
import io.fleetdeck.api.things.ThingService;
import io.fleetdeck.views.common.FindRequest;
import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.common.ViewTasks;
import io.fleetdeck.views.settings.ConsoleMemory;
import io.fleetdeck.views.settings.ConsoleSettings;
import io.fleetdeck.views.thing.ThingView;
import io.fleetdeck.views.thing.ThingViewModel;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

/**
 * The Fleet section: the table of every thing in a first tab that stays, and a closable tab per thing opened from it
 * (double-click or Enter), so several things can be looked at side by side. Opening a thing that has a tab selects that
 * tab. Built and used on the JavaFX thread; close it when the window closes, which stops the Fleet feed.
 *
 * <pre>{@code
 * FleetWorkspace fleet = new FleetWorkspace(fleetDirectory, thingInspector, Clock.systemDefaultZone(), ViewTasks.javaFx());
 * sections.put(Section.FLEET, fleet::node);
 * // on shutdown: fleet.close();
 * }</pre>
 */
public final class FleetWorkspace implements AutoCloseable {

    /** A tab's title shows this many characters of a thing's name at most; the tooltip has all of it. */
    private static final int TAB_TITLE_LENGTH = 28;
    /** How often an open thing's tab may read it again when it changes. */
    static final long REFRESH_MILLIS = 500;

    private final ViewTasks tasks;
    private final ThingService things;
    private final ShadowService shadows;
    private final Clock clock;
    private final Executor fxThread;
    private final FleetFeed feed;
    private final FleetViewModel model;
    private final TabPane tabs = new TabPane();
    /** Open thing tabs by thing name, for live refresh; touched on the JavaFX thread only. */
    private final Map<String, ThingViewModel> openThings = new HashMap<>();
    /** Things changed since the last refresh of their tabs; filled on any thread. */
    private final Set<String> changedSinceRefresh = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("fleet-open-things").factory());
    /** Reads the index for the query bar's suggestions and the aggregation panel, off the JavaFX thread. */
    private final ExecutorService searcher = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("fleet-search-worker").factory());

    private final AutoCloseable openThingChanges;
    private final @Nullable QueryBarModel queryBar;
    private final @Nullable FleetAggregationModel aggregations;
    private final ShadowsWithoutAThingModel unregistered;

    /** The Fleet section with the quick filter only: for a console without a fleet index. */
    public FleetWorkspace(
            FleetOverview fleet,
            FleetEvents events,
            ThingService things,
            ShadowService shadows,
            Clock clock,
            ViewTasks tasks) {
        this(fleet, events, null, null, things, shadows, clock, tasks);
    }

    /**
     * The Fleet section with the query bar over {@code search} and the aggregation panel; the recent and saved
     * queries are remembered in {@code memory}. Both null gives the quick filter only.
     */
    public FleetWorkspace(
            FleetOverview fleet,
            FleetEvents events,
            @Nullable FleetSearchService search,
            @Nullable ConsoleMemory memory,
            ThingService things,
            ShadowService shadows,
            Clock clock,
            ViewTasks tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        Executor fxThread = tasks.fxThread();
        this.things = Objects.requireNonNull(things, "things");
        this.shadows = Objects.requireNonNull(shadows, "shadows");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fxThread = fxThread;
        feed = new FleetFeed(fleet, events, search, fxThread);
        model = new FleetViewModel(feed, clock);
        feed.start(model::apply);
        if (search != null) {
            QueryHistory history = new QueryHistory(
                    memory == null ? new ConsoleMemory(ConsoleSettings.defaults(), settings -> {}) : memory);
            queryBar = new QueryBarModel(search, model, history, searcher, fxThread);
            aggregations = new FleetAggregationModel(search, model, searcher, fxThread);
            aggregations.refresh();
        } else {
            queryBar = null;
            aggregations = null;
        }

        FleetLayoutModel layout = aggregations == null
                ? null
                : new FleetLayoutModel(
                        memory == null ? new ConsoleMemory(ConsoleSettings.defaults(), settings -> {}) : memory,
                        aggregations);
        unregistered = new ShadowsWithoutAThingModel(shadows, things, tasks);
        unregistered.follow(events);
        FleetView view = new FleetView(model, queryBar, aggregations, layout, unregistered, this::open);
        Tab table = new Tab(Texts.get("fleet.tab.things"), view.node());
        table.setId("fleet-tab-things");
        table.setGraphic(new FontIcon(MaterialDesignD.DEVICES));
        table.setClosable(false);
        tabs.getTabs().add(table);
        tabs.setId("fleet-tabs");
        tabs.getStyleClass().add("fleet-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.setTabDragPolicy(TabPane.TabDragPolicy.FIXED);
        ThingTabKeys.install(tabs, view::focusTable);
        tabs.addEventHandler(FindRequest.FIND, request -> {
            tabs.getSelectionModel().select(table);
            view.focusSearch();
            request.take();
        });
        openThingChanges =
                IndexedThings.follow(events, "open things", "open-things-events", new IndexedThings.Listener() {
                    @Override
                    public void indexed(Set<String> thingNames) {
                        changedSinceRefresh.addAll(thingNames);
                    }

                    @Override
                    public void everythingMayHaveChanged() {
                        // the open things are the JavaFX thread's to read
                        fxThread.execute(() -> changedSinceRefresh.addAll(openThings.keySet()));
                    }
                });
        refresher.scheduleWithFixedDelay(
                this::refreshOpenThings, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * An open thing follows its changes: its tab reads it again at most every {@link #REFRESH_MILLIS}, as the table
     * does, keeping what is in the editor.
     */
    private void refreshOpenThings() {
        if (changedSinceRefresh.isEmpty()) {
            return;
        }
        Set<String> changed = Set.copyOf(changedSinceRefresh);
        changedSinceRefresh.removeAll(changed);
        fxThread.execute(() -> changed.forEach(name -> {
            ThingViewModel open = openThings.get(name);
            if (open != null) {
                open.reload();
            }
        }));
    }

    public Node node() {
        return tabs;
    }

    /** The query bar's state, or null with the quick filter; for tests. */
    public @Nullable QueryBarModel queryBar() {
        return queryBar;
    }

    /** The aggregation panel's state, or null with the quick filter; for tests. */
    public @Nullable FleetAggregationModel aggregations() {
        return aggregations;
    }

    /** The shadows without a thing, which the section's filter shows; for tests. */
    public ShadowsWithoutAThingModel shadowsWithoutAThing() {
        return unregistered;
    }

    /** The Fleet table's state, for tests and the benchmark. */
    public FleetViewModel model() {
        return model;
    }

    /** Shows {@code thingName} in its tab, opening one and reading the thing when it has none. */
    public void open(String thingName) {
        for (Tab tab : tabs.getTabs()) {
            if (thingName.equals(tab.getUserData())) {
                tabs.getSelectionModel().select(tab);
                return;
            }
        }
        ThingViewModel thing = new ThingViewModel(things, shadows, thingName, clock, tasks);
        Tab tab = new Tab(title(thingName), new ThingView(thing).node());
        tab.setId("thing-tab-" + thingName);
        tab.setUserData(thingName);
        tab.setGraphic(new FontIcon(MaterialDesignC.CHIP));
        tab.setTooltip(new Tooltip(thingName));
        tab.setOnClosed(event -> openThings.remove(thingName));
        openThings.put(thingName, thing);
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        // the table the keyboard was in is hidden now; without this JavaFX sends the focus back to the sidebar
        ThingTabKeys.focusFirstControlIn(tab.getContent());
        thing.reload();
    }

    @Override
    public void close() {
        feed.close();
        unregistered.close();
        refresher.shutdownNow();
        searcher.shutdownNow();
        try {
            openThingChanges.close();
        } catch (Exception e) {
            // the directory stops telling a closed window; nothing is left to undo
        }
    }

    /** Long names keep their start and their end, where names that share a prefix differ. */
    static String title(String thingName) {
        if (thingName.length() <= TAB_TITLE_LENGTH) {
            return thingName;
        }
        int half = (TAB_TITLE_LENGTH - 1) / 2;
        return thingName.substring(0, half) + "\u2026" + thingName.substring(thingName.length() - half);
    }
}
