package io.fleetdeck.views.broker;

import io.fleetdeck.api.broker.BrokerSnapshot.ClientRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The Broker section: live totals, messages per second over the last minute, the connected clients and the topic
 * tree. Built and updated on the JavaFX thread from {@link BrokerViewModel}.
 */
public final class BrokerView {

    private static final DateTimeFormatter SINCE =
            DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME_OF_DAY =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final VBox root = new VBox();

    public BrokerView(BrokerViewModel model) {
        root.getStyleClass().add("broker-view");
        HBox tiles = new HBox(
                tile(
                        "Connected clients",
                        model.connectedClientsProperty().map(n -> String.format(Locale.ROOT, "%,d", n.intValue())),
                        "tile-clients"),
                tile("Messages in / s", model.inPerSecondProperty().map(BrokerView::rate), "tile-in"),
                tile("Messages out / s", model.outPerSecondProperty().map(BrokerView::rate), "tile-out"),
                tile(
                        "Dropped",
                        model.droppedProperty().map(n -> String.format(Locale.ROOT, "%,d", n.longValue())),
                        "tile-dropped"),
                tile(
                        "Retained",
                        model.retainedProperty().map(n -> String.format(Locale.ROOT, "%,d", n.intValue())),
                        "tile-retained"));
        tiles.getStyleClass().add("broker-tiles");

        SplitPane details = new SplitPane(clientTable(model), new TopicTree(model).node());
        details.setOrientation(Orientation.HORIZONTAL);
        details.setDividerPositions(0.76);
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

    private static String rate(Number perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond.doubleValue());
    }

    private static Node rateChart(BrokerViewModel model) {
        NumberAxis time = new NumberAxis(-60, 0, 10);
        time.setLabel("seconds");
        NumberAxis messages = new NumberAxis();
        messages.setLabel("msg/s");
        messages.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(time, messages);
        chart.setId("broker-rate-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(true);
        chart.setPrefHeight(220);
        chart.setMinHeight(150);
        XYChart.Series<Number, Number> in = new XYChart.Series<>();
        in.setName("in");
        XYChart.Series<Number, Number> out = new XYChart.Series<>();
        out.setName("out");
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
        return chart;
    }

    private static Node clientTable(BrokerViewModel model) {
        TableView<ClientRow> table = new TableView<>();
        table.setId("broker-clients");
        table.setFixedCellSize(28);
        // the other columns keep their width, so the client id is the one that grows and shrinks with the window
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<ClientRow, String> clientId = column("Client ID", 190, ClientRow::clientId);
        clientId.setMinWidth(120);
        clientId.setMaxWidth(Double.MAX_VALUE);
        table.getColumns()
                .setAll(List.of(
                        clientId,
                        column("Address", 142, ClientRow::address),
                        column("MQTT", 62, ClientRow::protocol),
                        column("Since", 82, row -> since(row.connectedSince())),
                        count("In", 88, ClientRow::messagesIn),
                        count("Out", 88, ClientRow::messagesOut),
                        count("Queued", 82, ClientRow::queued),
                        explained(count("Dropped", 88, ClientRow::dropped), model::droppedExplanation)));
        Label empty = new Label("No clients yet. Devices connect over TLS to the broker's endpoint and trust"
                + " provisioning/root-ca.pem in the data folder.");
        empty.setWrapText(true);
        empty.getStyleClass().add("table-placeholder");
        table.setPlaceholder(empty);
        table.setItems(model.clients());
        return table;
    }

    /** A count, right-aligned so digits line up down the column. */
    private static TableColumn<ClientRow, String> count(String title, double width, ToLongFunction<ClientRow> value) {
        TableColumn<ClientRow, String> column =
                column(title, width, row -> String.format(Locale.ROOT, "%,d", value.applyAsLong(row)));
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

    /** Today's connections by time of day, older ones with their date too; a client that is away says so. */
    private static String since(@Nullable Instant connected) {
        if (connected == null) {
            return "away";
        }
        ZonedDateTime local = connected.atZone(ZoneId.systemDefault());
        boolean today = local.toLocalDate().equals(LocalDate.now(ZoneId.systemDefault()));
        return (today ? TIME_OF_DAY : SINCE).format(local);
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
