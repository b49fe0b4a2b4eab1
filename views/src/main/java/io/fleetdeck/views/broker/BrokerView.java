package io.fleetdeck.views.broker;

import io.fleetdeck.api.broker.BrokerSnapshot.ClientRow;
import io.fleetdeck.views.common.Texts;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Broker section: live totals, messages per second over the last minute, the connected clients and the topic
 * tree. Built and updated on the JavaFX thread from {@link BrokerViewModel}.
 */
public final class BrokerView {

    private final VBox root = new VBox();

    public BrokerView(BrokerViewModel model) {
        root.getStyleClass().add("broker-view");
        HBox tiles = new HBox(
                tile(
                        Texts.get("broker.tile.clients"),
                        model.connectedClientsProperty().map(BrokerView::count),
                        "tile-clients"),
                tile(Texts.get("broker.tile.in"), model.inPerSecondProperty().map(BrokerView::rate), "tile-in"),
                tile(Texts.get("broker.tile.out"), model.outPerSecondProperty().map(BrokerView::rate), "tile-out"),
                tile(Texts.get("broker.tile.dropped"), model.droppedProperty().map(BrokerView::count), "tile-dropped"),
                tile(
                        Texts.get("broker.tile.retained"),
                        model.retainedProperty().map(BrokerView::count),
                        "tile-retained"));
        tiles.getStyleClass().add("broker-tiles");

        SplitPane details = new SplitPane(clientTable(model), new TopicTree(model).node());
        details.setOrientation(Orientation.HORIZONTAL);
        details.setDividerPositions(0.8);
        VBox.setVgrow(details, Priority.ALWAYS);

        root.getChildren().addAll(tiles, rateChart(model), details);
    }

    public Node node() {
        return root;
    }

    private static Node tile(String title, ObservableValue<String> value, String id) {
        Label number = new Label();
        number.textProperty().bind(value);
        number.getStyleClass().add("tile-value");
        number.setId(id);
        Label caption = new Label(title);
        caption.getStyleClass().add("tile-caption");
        VBox tile = new VBox(2, number, caption);
        tile.getStyleClass().add("broker-tile");
        tile.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(tile, Priority.ALWAYS);
        tile.setMaxWidth(Double.MAX_VALUE);
        return tile;
    }

    /** A count with the locale's digit grouping: 9,000 in English, 9.000 in German. */
    private static String count(Number value) {
        return Texts.get("broker.count", value.longValue());
    }

    private static String rate(Number perSecond) {
        return Texts.get("broker.count", Math.round(perSecond.doubleValue()));
    }

    private static Node rateChart(BrokerViewModel model) {
        NumberAxis time = new NumberAxis(-60, 0, 10);
        time.setLabel(Texts.get("broker.chart.seconds"));
        NumberAxis messages = new NumberAxis();
        messages.setLabel(Texts.get("broker.chart.rate"));
        messages.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(time, messages);
        chart.setId("broker-rate-chart");
        chart.setAccessibleText(Texts.get("common.a11y.brokerRates"));
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        // a legend of our own: the chart's hides itself when the chart is squeezed to its minimum height
        chart.setLegendVisible(false);
        chart.setPrefHeight(220);
        chart.setMinHeight(150);
        XYChart.Series<Number, Number> in = new XYChart.Series<>();
        in.setName(Texts.get("broker.chart.in"));
        XYChart.Series<Number, Number> out = new XYChart.Series<>();
        out.setName(Texts.get("broker.chart.out"));
        chart.getData().setAll(in, out);
        model.rateHistory().addListener((ListChangeListener<RatePoint>) change -> {
            in.getData()
                    .setAll(model.rateHistory().stream()
                            .map(p -> new XYChart.Data<Number, Number>(p.secondsAgo(), p.inPerSecond()))
                            .toList());
            out.getData()
                    .setAll(model.rateHistory().stream()
                            .map(p -> new XYChart.Data<Number, Number>(p.secondsAgo(), p.outPerSecond()))
                            .toList());
        });
        HBox legend = new HBox(
                18,
                legendEntry(in.getName(), 0, "broker-legend-in"),
                legendEntry(out.getName(), 1, "broker-legend-out"));
        legend.setId("broker-rate-legend");
        legend.setAlignment(Pos.CENTER);
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox box = new VBox(2, chart, legend);
        box.setMinHeight(Region.USE_PREF_SIZE);
        return box;
    }

    /** One series named in words, with a swatch in the colour the theme gives series {@code index}'s line. */
    private static Label legendEntry(String name, int index, String id) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("broker-swatch", "broker-swatch-" + index);
        Label entry = new Label(name, swatch);
        entry.setId(id);
        entry.getStyleClass().add("broker-legend-entry");
        return entry;
    }

    private static Node clientTable(BrokerViewModel model) {
        TableView<ClientRow> table = new TableView<>();
        table.setId("broker-clients");
        table.setAccessibleText(Texts.get("common.a11y.brokerClients"));
        table.setFixedCellSize(28);
        // the other columns keep their width, so the client id is the one that grows and shrinks with the window; the
        // counts are narrow (a client's counts rarely pass five digits) so that a 1280 px window shows whole ids
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<ClientRow, String> clientId = column(Texts.get("broker.column.clientId"), 190, ClientRow::clientId);
        clientId.setMinWidth(120);
        clientId.setMaxWidth(Double.MAX_VALUE);
        table.getColumns()
                .setAll(List.of(
                        clientId,
                        column(Texts.get("broker.column.address"), 136, ClientRow::address),
                        column(Texts.get("broker.column.protocol"), 60, ClientRow::protocol),
                        // room for a date and a time in any locale: "Dec 7, 2026, 7:52 PM" is the longest
                        column(Texts.get("broker.column.since"), 178, BrokerView::since),
                        count(Texts.get("broker.column.in"), 60, ClientRow::messagesIn),
                        count(Texts.get("broker.column.out"), 60, ClientRow::messagesOut),
                        count(Texts.get("broker.column.queued"), 86, ClientRow::queued),
                        explained(
                                count(Texts.get("broker.column.dropped"), 98, ClientRow::dropped),
                                model::droppedExplanation)));
        Label empty = new Label(Texts.get("broker.clients.none"));
        empty.setWrapText(true);
        empty.getStyleClass().add("table-placeholder");
        table.setPlaceholder(empty);
        table.setItems(model.clients());
        return table;
    }

    /** A count, right-aligned so digits line up down the column. */
    private static TableColumn<ClientRow, String> count(String title, double width, ToLongFunction<ClientRow> value) {
        TableColumn<ClientRow, String> column = column(title, width, row -> count(value.applyAsLong(row)));
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }

    /** A column whose cells explain themselves in a tooltip, when there is something to explain. */
    private static TableColumn<ClientRow, String> explained(
            TableColumn<ClientRow, String> column, Function<ClientRow, String> explanation) {
        column.setCellFactory(any -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                ClientRow row = empty ? null : getTableRow().getItem();
                String why = row == null ? "" : explanation.apply(row);
                setTooltip(why.isEmpty() ? null : new Tooltip(why));
            }
        });
        return column;
    }

    private static String since(ClientRow row) {
        return BrokerText.since(
                row.connectedSince(), ZoneId.systemDefault(), Locale.getDefault(Locale.Category.FORMAT));
    }

    private static TableColumn<ClientRow, String> column(String title, double width, Function<ClientRow, String> text) {
        TableColumn<ClientRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(width);
        column.setMaxWidth(width * 1.25);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        return column;
    }
}
