package io.fleetdeck.views.fleet;

import io.fleetdeck.api.things.ThingOverview;
import io.fleetdeck.views.common.EmptyState;
import io.fleetdeck.views.common.SecondTicks;
import io.fleetdeck.views.common.TextCell;
import io.fleetdeck.views.common.Texts;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * The table of every thing in the fleet, with a quick filter and the count of what it shows. The table never sorts
 * or filters by itself: a click on a heading asks the view model, whose feed sorts off the JavaFX thread and hands the
 * finished list back. Double-click or Enter on a row opens the thing. Built and used on the JavaFX thread.
 */
public final class FleetView {

    /** Rows are one line high, always: a fixed height is what lets the table skip measuring 100,000 rows. */
    static final double ROW_HEIGHT = 28;
    /** The table never gets narrower than this beside the Aggregations panel. */
    private static final double MIN_TABLE_WIDTH = 240;
    /** How often the "last seen" texts on screen are brought up to date. */
    private final FleetViewModel model;

    private final Consumer<String> openThing;
    /** Null: the quick filter instead of the query bar (a console without a fleet index). */
    private final @Nullable QueryBarModel queryModel;

    private final @Nullable FleetAggregationModel aggregations;
    /** Null: no filter for the shadows without a thing (a console whose tests leave it out). */
    private final @Nullable ShadowsWithoutAThingSwitch unregistered;

    private final VBox content = new VBox();
    private final Pane overlay = new Pane();
    private final StackPane root = new StackPane(content, overlay);
    private final TableView<ThingOverview> table = new TableView<>();
    /** The thing the user selected, kept by name because rows are replaced whenever the thing changes. */
    private @Nullable String selectedName;

    private boolean restoringSelection;
    /** Puts the keyboard in the query bar or the quick filter, whichever this view has. */
    private Runnable focusSearch = () -> {};

    /** The quick filter alone. @param openThing called with a thing's name when the user opens it */
    public FleetView(FleetViewModel model, Consumer<String> openThing) {
        this(model, null, null, null, null, openThing);
    }

    /**
     * With the query bar over the fleet index and the aggregation panel (both null: the quick filter alone), the
     * panel's width and open state and the hidden columns kept in {@code layout} (null: first width, every column
     * shown), and the filter that shows the shadows without a thing instead of the things (null: no such filter).
     *
     * @param openThing called with a thing's name when the user opens it, or creates it from its shadow
     */
    public FleetView(
            FleetViewModel model,
            @Nullable QueryBarModel queryModel,
            @Nullable FleetAggregationModel aggregations,
            @Nullable FleetLayoutModel layout,
            @Nullable ShadowsWithoutAThingModel unregistered,
            Consumer<String> openThing) {
        this.model = Objects.requireNonNull(model, "model");
        this.openThing = Objects.requireNonNull(openThing, "openThing");
        this.queryModel = queryModel;
        this.aggregations = aggregations;
        this.unregistered = unregistered == null ? null : new ShadowsWithoutAThingSwitch(unregistered);
        Node shadowsWithoutAThing = unregistered == null
                ? new Region()
                : new ShadowsWithoutAThingPane(unregistered, model.zone(), openThing).node();
        root.getStyleClass().add("fleet-view");
        content.getStyleClass().add("fleet-content");
        overlay.setPickOnBounds(false);
        overlay.setManaged(true);
        buildTable();
        if (layout != null) {
            rememberColumns(layout);
        }
        if (queryModel == null) {
            Node body = orUnregistered(table, shadowsWithoutAThing);
            content.getChildren().addAll(toolbar(), body);
            VBox.setVgrow(body, Priority.ALWAYS);
        } else {
            QueryBar bar = new QueryBar(queryModel, overlay);
            HBox body = new HBox(table);
            HBox.setHgrow(table, Priority.ALWAYS);
            // its columns' widths are not a claim on the row: the panel beside it keeps its own width
            table.setPrefWidth(MIN_TABLE_WIDTH);
            table.setMinWidth(MIN_TABLE_WIDTH);
            if (aggregations != null) {
                // a short window scrolls the panel rather than running it under the status bar
                ScrollPane panel =
                        new ScrollPane(new AggregationPanel(aggregations, queryModel.fieldsProperty()).node());
                panel.setFitToWidth(true);
                panel.setFitToHeight(true);
                panel.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
                panel.getStyleClass().add("fleet-aggregations-scroller");
                panel.visibleProperty().bind(aggregations.openProperty());
                panel.managedProperty().bind(aggregations.openProperty());
                Node divider = layout == null ? new Region() : divider(panel, layout);
                divider.visibleProperty().bind(aggregations.openProperty());
                divider.managedProperty().bind(aggregations.openProperty());
                body.getChildren().addAll(divider, panel);
            }
            Node shown = orUnregistered(body, shadowsWithoutAThing);
            VBox.setVgrow(shown, Priority.ALWAYS);
            content.getChildren().addAll(searchToolbar(bar, queryModel), bar.problemNode(), bar.hintNode(), shown);
            focusSearch = bar::focus;
        }
    }

    /** The things, or the shadows without a thing while the filter shows them. */
    private Node orUnregistered(Node things, Node shadowsWithoutAThing) {
        return unregistered == null ? things : unregistered.swap(things, shadowsWithoutAThing);
    }

    /** Ctrl+F: the keyboard goes to the query bar, or to the quick filter without one. */
    public void focusSearch() {
        focusSearch.run();
    }

    /** The keyboard goes to the table, as when a thing's tab closes. */
    public void focusTable() {
        table.requestFocus();
    }

    public Node node() {
        return root;
    }

    /** The edge the user drags to widen or narrow the Aggregations panel; the width is kept when they let go. */
    private static Node divider(Region panel, FleetLayoutModel layout) {
        // the panel keeps the width the user gave it; the table, which scrolls sideways, takes what is left
        panel.prefWidthProperty().bind(layout.aggregationsWidthProperty());
        panel.minWidthProperty().bind(layout.aggregationsWidthProperty());
        Region divider = new Region();
        divider.setId("fleet-aggregations-divider");
        divider.getStyleClass().add("fleet-divider");
        divider.setCursor(Cursor.H_RESIZE);
        divider.setMinWidth(6);
        divider.setPrefWidth(6);
        divider.setOnMouseDragged(event -> {
            Bounds edge = panel.localToScene(panel.getBoundsInLocal());
            layout.dragAggregations(edge.getMaxX() - event.getSceneX());
        });
        divider.setOnMouseReleased(event -> layout.aggregationsResized());
        return divider;
    }

    /** Columns hidden from the table's menu stay hidden at the next start; the name column cannot be hidden. */
    private void rememberColumns(FleetLayoutModel layout) {
        for (TableColumn<ThingOverview, ?> column : table.getColumns()) {
            ThingColumn key = (ThingColumn) column.getUserData();
            column.setVisible(!layout.hiddenColumns().contains(key));
            column.visibleProperty().addListener((obs, old, visible) -> {
                if (key == ThingColumn.NAME && !visible) {
                    column.setVisible(true);
                } else {
                    layout.showColumn(key, visible);
                }
            });
        }
    }

    /**
     * The columns share the table's width while their narrowest widths fit; when they do not (a narrow window, the
     * Aggregations panel open) they keep their widths and the table scrolls sideways, rather than cutting the last
     * columns off.
     */
    private void fitOrScroll() {
        double narrowest = 0;
        for (TableColumn<ThingOverview, ?> column : table.getVisibleLeafColumns()) {
            narrowest += column.getMinWidth();
        }
        // the vertical scroll bar and the borders take a little of the width
        boolean fits = narrowest <= table.getWidth() - 20;
        var policy = fits ? TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS : TableView.UNCONSTRAINED_RESIZE_POLICY;
        if (table.getWidth() <= 0 || table.getColumnResizePolicy() == policy) {
            return;
        }
        if (!fits) {
            // each column at its narrowest, so as many as can be are in view; a drag on a heading widens one
            for (TableColumn<ThingOverview, ?> column : table.getColumns()) {
                column.setPrefWidth(column.getMinWidth());
            }
        }
        table.setColumnResizePolicy(policy);
    }

    /** The table, for the benchmark that times the swap of 100,000 rows. */
    public TableView<ThingOverview> table() {
        return table;
    }

    private Node toolbar() {
        TextField filter = new TextField();
        filter.setId("fleet-filter");
        filter.setPromptText(Texts.get("fleet.filter.prompt"));
        filter.textProperty().bindBidirectional(model.filterProperty());
        focusSearch = filter::requestFocus;
        filter.setPrefWidth(360);
        filter.setMinWidth(180);
        FontIcon search = new FontIcon(MaterialDesignM.MAGNIFY);
        search.getStyleClass().add("fleet-filter-icon");
        HBox filterBox = new HBox(6, search, filter);
        filterBox.setAlignment(Pos.CENTER_LEFT);

        Label count = countLabel();
        ProgressIndicator working = workingIndicator();

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label hint = new Label(Texts.get("fleet.hint"));
        hint.getStyleClass().add("fleet-hint");
        hint.setMinWidth(0);
        HBox bar = new HBox(12, filterBox, count, working, gap, hint);
        if (unregistered != null) {
            bar.getChildren().add(3, unregistered.control());
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("fleet-toolbar");
        return bar;
    }

    /** The query bar, its history menu, the count, and the switch of the aggregation panel. */
    private Node searchToolbar(QueryBar bar, QueryBarModel queries) {
        Node history = new QueryHistoryMenu(queries).node();
        Label count = countLabel();
        ProgressIndicator working = workingIndicator();
        HBox toolbar = new HBox(10, bar.node(), history, working, count);
        HBox.setHgrow(bar.node(), Priority.ALWAYS);
        if (unregistered != null) {
            toolbar.getChildren().add(unregistered.control());
        }
        if (aggregations != null) {
            ToggleButton panel =
                    new ToggleButton(Texts.get("fleet.aggregations"), new FontIcon(MaterialDesignC.CHART_BAR));
            panel.setId("fleet-aggregations-toggle");
            panel.selectedProperty().bindBidirectional(aggregations.openProperty());
            if (unregistered != null) {
                // the panel sums up the things; beside the shadows without a thing it has nothing to show
                panel.disableProperty().bind(unregistered.shown());
            }
            panel.setMinWidth(Region.USE_PREF_SIZE);
            toolbar.getChildren().add(panel);
        }
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().addAll("fleet-toolbar", "fleet-search-toolbar");
        return toolbar;
    }

    private Label countLabel() {
        Label count = new Label();
        count.setId("fleet-count");
        count.getStyleClass().add("fleet-count");
        count.textProperty().bind(model.countText());
        count.setMinWidth(Region.USE_PREF_SIZE);
        return count;
    }

    private ProgressIndicator workingIndicator() {
        ProgressIndicator working = new ProgressIndicator();
        working.setId("fleet-working");
        working.setPrefSize(16, 16);
        working.setMaxSize(16, 16);
        working.visibleProperty().bind(model.workingProperty().and(model.loadedProperty()));
        return working;
    }

    private TableView<ThingOverview> buildTable() {
        table.setId("fleet-table");
        table.setAccessibleText(Texts.get("common.a11y.fleetTable"));
        table.setAccessibleHelp(Texts.get("common.a11y.fleetTable.help"));
        table.getStyleClass().add("fleet-table");
        table.setFixedCellSize(ROW_HEIGHT);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        // the column chooser: the heading's + button lists every column with a tick
        table.setTableMenuButtonVisible(true);
        table.widthProperty().subscribe(width -> fitOrScroll());
        table.getVisibleLeafColumns().addListener((javafx.collections.ListChangeListener<TableColumn<ThingOverview, ?>>)
                change -> fitOrScroll());
        table.setItems(model.things());

        TableColumn<ThingOverview, ThingOverview> name = TextCell.centreEllipsis(TextCell.flexible(
                ThingColumn.NAME.title(), 440, ThingOverview::name, ThingOverview::name, row -> "fleet-name"));
        TableColumn<ThingOverview, ThingOverview> type = TextCell.column(
                ThingColumn.TYPE.title(),
                136,
                row -> ThingText.orNone(row.thingType()),
                ThingOverview::thingType,
                row -> row.thingType() == null ? "fleet-muted" : "");
        TableColumn<ThingOverview, ThingOverview> groups = TextCell.centreEllipsis(TextCell.flexible(
                ThingColumn.GROUPS.title(),
                220,
                ThingText::groups,
                row -> row.groups().isEmpty() ? null : String.join("\n", row.groups()),
                row -> row.groups().isEmpty() ? "fleet-muted" : ""));
        TableColumn<ThingOverview, ThingOverview> connected = ConnectedCell.column();
        TableColumn<ThingOverview, ThingOverview> lastSeen = TextCell.redrawnOn(
                TextCell.column(
                        ThingColumn.LAST_SEEN.title(),
                        // German's "vor 12 Tagen" under "Zuletzt gesehen" needs more room than "12 days ago"
                        Integer.parseInt(Texts.get("fleet.column.lastSeen.width")),
                        row -> ThingText.lastSeen(row, model.now()),
                        row -> ThingText.lastSeenTooltip(row, model.now(), model.zone()),
                        row -> row.lastSeen() == null ? "fleet-muted" : ""),
                model.nowProperty());
        TableColumn<ThingOverview, ThingOverview> shadow = TextCell.column(
                ThingColumn.SHADOW.title(), 180, ThingText::shadow, ThingText::shadowTooltip, ThingText::shadowStyle);
        TableColumn<ThingOverview, ThingOverview> firmware = TextCell.column(
                ThingColumn.FIRMWARE.title(),
                96,
                row -> ThingText.orNone(row.firmwareVersion()),
                row -> row.firmwareVersion() == null ? Texts.get("fleet.firmware.none") : null,
                row -> row.firmwareVersion() == null ? "fleet-muted" : "fleet-firmware");
        List<TableColumn<ThingOverview, ThingOverview>> columns =
                List.of(name, type, groups, connected, lastSeen, shadow, firmware);
        ThingColumn[] keys = ThingColumn.values();
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).setUserData(keys[i]);
            columns.get(i).setId("fleet-column-" + keys[i].name().toLowerCase(Locale.ROOT));
        }
        table.getColumns().setAll(columns);

        // the table only shows the order: the feed sorts, off the JavaFX thread
        table.setSortPolicy(view -> {
            TableColumn<ThingOverview, ?> first =
                    view.getSortOrder().isEmpty() ? null : view.getSortOrder().getFirst();
            model.orderBy(
                    first == null ? ThingColumn.NAME : (ThingColumn) first.getUserData(),
                    first == null || first.getSortType() == TableColumn.SortType.ASCENDING);
            return true;
        });
        table.getSortOrder().add(name);

        table.setRowFactory(view -> {
            TableRow<ThingOverview> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    openThing.accept(row.getItem().name());
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            ThingOverview row = table.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && row != null) {
                openThing.accept(row.name());
                event.consume();
            }
        });

        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!restoringSelection && row != null) {
                selectedName = row.name();
            }
        });
        // change subscriptions, not invalidation ones: nothing else reads these numbers, so an invalidation would fire
        // once
        model.revisionProperty().subscribe(revision -> restoreSelection());
        model.answeredProperty().subscribe(answered -> showAnswer());

        // "12 s ago" ages: one timeline for the table, and only the last-seen cells on screen are written again
        SecondTicks.whileShown(table, model::tick);

        table.placeholderProperty()
                .bind(Bindings.createObjectBinding(
                        this::placeholder,
                        model.loadedProperty(),
                        model.totalProperty(),
                        model.problemProperty(),
                        model.searchProperty()));
        return table;
    }

    private Node placeholder() {
        if (model.problemProperty().get() != null && !model.loadedProperty().get()) {
            EmptyState failed = new EmptyState(
                    MaterialDesignD.DATABASE_ALERT_OUTLINE,
                    Texts.get("fleet.problem.title"),
                    model.problemProperty().get(),
                    Texts.get("fleet.problem.retry"));
            failed.setId("fleet-problem");
            return failed;
        }
        if (!model.loadedProperty().get()) {
            Label reading = new Label(Texts.get("fleet.reading"));
            reading.getStyleClass().add("table-placeholder");
            return reading;
        }
        if (model.totalProperty().get() == 0) {
            EmptyState empty = new EmptyState(
                    MaterialDesignD.DEVICES,
                    Texts.get("fleet.empty.title"),
                    Texts.get("fleet.empty.text"),
                    Texts.get("fleet.empty.follows"));
            empty.setId("fleet-empty");
            return empty;
        }
        String search = model.searchProperty().get();
        if (!search.isEmpty()) {
            EmptyState none = new EmptyState(
                    MaterialDesignM.MAGNIFY_CLOSE,
                    Texts.get("fleet.noMatch.title", search),
                    Texts.get("fleet.noMatch.text"),
                    Texts.get("fleet.noMatch.follows"));
            none.setId("fleet-no-match");
            return none;
        }
        Label noMatch = new Label(Texts.get("fleet.noMatch.filter"));
        noMatch.setId("fleet-no-match");
        noMatch.getStyleClass().add("table-placeholder");
        return new StackPane(noMatch);
    }

    /** Puts the selection back on the same thing after its row was replaced or moved. */
    private void restoreSelection() {
        if (selectedName == null) {
            return;
        }
        ThingOverview current = table.getSelectionModel().getSelectedItem();
        if (current != null && current.name().equals(selectedName)) {
            return;
        }
        int index = indexOf(selectedName);
        restoringSelection = true;
        try {
            if (index >= 0) {
                table.getSelectionModel().clearAndSelect(index);
            } else {
                table.getSelectionModel().clearSelection();
            }
        } finally {
            restoringSelection = false;
        }
    }

    /** A new filter or order is in: show the selected thing if it is still there, else the top. */
    private void showAnswer() {
        int index = selectedName == null ? -1 : indexOf(selectedName);
        table.scrollTo(Math.max(0, index - 3));
    }

    private int indexOf(String name) {
        List<ThingOverview> rows = table.getItems();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
