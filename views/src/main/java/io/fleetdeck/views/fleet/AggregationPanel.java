package io.fleetdeck.views.fleet;

import io.fleetdeck.api.search.Buckets;
import io.fleetdeck.api.search.FieldStatistics;
import io.fleetdeck.api.search.IndexField;
import io.fleetdeck.api.search.IndexField.ValueType;
import io.fleetdeck.api.search.ValueCount;
import io.fleetdeck.views.common.Texts;
import java.util.List;
import java.util.Objects;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/**
 * The aggregation panel beside the Fleet table: for the things the current query finds, the statistics of a number
 * field (count, minimum, average, maximum, standard deviation) and the most frequent values of another as a bar chart.
 * The field pickers offer the fleet's fields of the right type. Built and used on the JavaFX thread.
 */
final class AggregationPanel {

    private final FleetAggregationModel model;
    private final VBox root = new VBox(10);
    private final Label count = value("fleet-stat-count");
    private final Label minimum = value("fleet-stat-min");
    private final Label average = value("fleet-stat-avg");
    private final Label maximum = value("fleet-stat-max");
    private final Label deviation = value("fleet-stat-stddev");
    private final Label bucketsNote = new Label();
    private final CategoryAxis valueAxis = new CategoryAxis();
    private final NumberAxis countAxis = new NumberAxis();
    private final BarChart<String, Number> chart = new BarChart<>(valueAxis, countAxis);

    AggregationPanel(FleetAggregationModel model, ObservableValue<List<IndexField>> fields) {
        this.model = Objects.requireNonNull(model, "model");
        root.setId("fleet-aggregations");
        root.getStyleClass().add("fleet-aggregations");
        root.setPadding(new Insets(12));
        root.setMinWidth(0);

        ComboBox<String> numberField =
                picker("fleet-stat-field", model.numberFieldProperty().get());
        numberField.valueProperty().bindBidirectional(model.numberFieldProperty());
        ComboBox<String> bucketField =
                picker("fleet-bucket-field", model.bucketFieldProperty().get());
        bucketField.valueProperty().bindBidirectional(model.bucketFieldProperty());
        fields.subscribe(list -> {
            offer(numberField, list, ValueType.NUMBER);
            offer(bucketField, list, ValueType.STRING);
        });

        GridPane stats = new GridPane();
        stats.getStyleClass().add("fleet-stats");
        stats.setHgap(16);
        stats.setVgap(4);
        row(stats, 0, Texts.get("fleet.stats.things"), count);
        row(stats, 1, Texts.get("fleet.stats.minimum"), minimum);
        row(stats, 2, Texts.get("fleet.stats.average"), average);
        row(stats, 3, Texts.get("fleet.stats.maximum"), maximum);
        row(stats, 4, Texts.get("fleet.stats.deviation"), deviation);

        chart.setId("fleet-bucket-chart");
        chart.setAccessibleText(Texts.get("fleet.buckets.heading"));
        chart.getStyleClass().add("fleet-bucket-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        // a short window (1024x680) gets a shorter chart, not a panel that runs under the status bar
        chart.setMinHeight(120);
        chart.setCategoryGap(6);
        chart.setBarGap(2);
        chart.setMinHeight(220);
        // counts of things are whole: no 2.5 on the axis
        countAxis.setMinorTickVisible(false);
        countAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number tick) {
                double value = tick.doubleValue();
                return value == Math.rint(value) ? Texts.get("fleet.number", (long) value) : "";
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text);
            }
        });
        countAxis.setMinorTickVisible(false);
        countAxis.setForceZeroInRange(true);
        valueAxis.setTickLabelRotation(-40);
        VBox.setVgrow(chart, Priority.ALWAYS);
        bucketsNote.setId("fleet-bucket-note");
        bucketsNote.getStyleClass().add("fleet-aggregation-note");
        bucketsNote.setWrapText(true);
        bucketsNote.setMinHeight(Region.USE_PREF_SIZE);

        root.getChildren()
                .addAll(
                        heading(Texts.get("fleet.stats.heading")),
                        numberField,
                        stats,
                        heading(Texts.get("fleet.buckets.heading")),
                        bucketField,
                        chart,
                        bucketsNote);
        model.statisticsProperty().subscribe(this::showStatistics);
        model.bucketsProperty().subscribe(this::showBuckets);
    }

    Region node() {
        return root;
    }

    private void showStatistics(FieldStatistics statistics) {
        if (statistics == null) {
            for (Label label : List.of(count, minimum, average, maximum, deviation)) {
                label.setText("\u2013");
            }
            return;
        }
        count.setText(Texts.get("fleet.number", statistics.count()));
        minimum.setText(number(statistics.minimum()));
        average.setText(number(statistics.average()));
        maximum.setText(number(statistics.maximum()));
        deviation.setText(number(statistics.stdDeviation()));
    }

    private void showBuckets(Buckets buckets) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        if (buckets != null) {
            for (ValueCount bucket : buckets.buckets()) {
                series.getData().add(new XYChart.Data<>(bucket.value(), bucket.count()));
            }
        }
        chart.getData().setAll(List.of(series));
        if (buckets == null || buckets.buckets().isEmpty()) {
            bucketsNote.setText(Texts.get("fleet.buckets.none"));
            return;
        }
        long shown = buckets.buckets().stream().mapToLong(ValueCount::count).sum();
        bucketsNote.setText(Texts.get("fleet.buckets.note", buckets.buckets().size(), shown, buckets.totalCount()));
    }

    /** Two decimals at most, no trailing zeros: 81.5, 12, 0.33. */
    static String number(@Nullable Double value) {
        if (value == null) {
            return "\u2013";
        }
        return Texts.get("fleet.decimal", value);
    }

    private static void offer(ComboBox<String> picker, List<IndexField> fields, ValueType type) {
        String chosen = picker.getValue();
        picker.getItems()
                .setAll(fields.stream()
                        .filter(field -> field.has(type))
                        .map(IndexField::path)
                        .toList());
        if (chosen != null && !picker.getItems().contains(chosen)) {
            picker.getItems().addFirst(chosen);
        }
        picker.setValue(chosen);
    }

    private static ComboBox<String> picker(String id, String value) {
        ComboBox<String> picker = new ComboBox<>();
        picker.setId(id);
        picker.setEditable(true);
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setValue(value);
        picker.setVisibleRowCount(14);
        return picker;
    }

    private static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("fleet-aggregation-heading");
        return heading;
    }

    private static Label value(String id) {
        Label label = new Label("\u2013");
        label.setId(id);
        label.getStyleClass().add("fleet-stat-value");
        return label;
    }

    private static void row(GridPane grid, int row, String name, Label value) {
        Label label = new Label(name);
        label.getStyleClass().add("fleet-stat-name");
        grid.addRow(row, label, value);
    }
}
