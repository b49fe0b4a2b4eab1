package io.fleetdeck.views.thing;

import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.common.TimeText;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.jspecify.annotations.Nullable;

/**
 * The chosen shadow's state as one tree, desired and reported side by side with the time each leaf was written; a key
 * in the delta (desired not yet reported) is highlighted. Expanded keys stay expanded when the shadow is read again.
 * JavaFX thread only.
 */
final class ShadowTreePane {

    private final ThingViewModel model;
    private final TreeTableView<ShadowField> tree = new TreeTableView<>();
    private final Label empty = new Label();
    private final VBox root;
    /** Until a document has been shown, every key starts open. */
    private boolean shownBefore;

    ShadowTreePane(ThingViewModel model) {
        this.model = model;
        tree.setId("shadow-tree");
        tree.setAccessibleText(Texts.get("common.a11y.shadowTree"));
        tree.getStyleClass().add("shadow-tree");
        tree.setShowRoot(false);
        tree.setFixedCellSize(28);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TreeTableColumn<ShadowField, ShadowField> key =
                column(Texts.get("thing.state.field"), 200, ShadowField::key, null);
        key.setMaxWidth(8_000);
        TreeTableColumn<ShadowField, ShadowField> desired =
                column(Texts.get("thing.state.desired"), 180, ShadowField::desired, "shadow-desired");
        desired.setMaxWidth(8_000);
        TreeTableColumn<ShadowField, ShadowField> desiredAt =
                column(Texts.get("thing.state.desiredAt"), 150, field -> time(field, field.desiredAt()), "shadow-time");
        TreeTableColumn<ShadowField, ShadowField> reported =
                column(Texts.get("thing.state.reported"), 180, ShadowField::reported, "shadow-reported");
        reported.setMaxWidth(8_000);
        TreeTableColumn<ShadowField, ShadowField> reportedAt = column(
                Texts.get("thing.state.reportedAt"), 150, field -> time(field, field.reportedAt()), "shadow-time");
        tree.getColumns().setAll(List.of(key, desired, desiredAt, reported, reportedAt));
        tree.setRowFactory(view -> new PendingRow());
        empty.setWrapText(true);
        empty.getStyleClass().add("table-placeholder");
        tree.setPlaceholder(empty);

        Rectangle swatch = new Rectangle(12, 12);
        swatch.getStyleClass().add("shadow-legend-swatch");
        Label legend = new Label(Texts.get("thing.state.legend"), swatch);
        legend.getStyleClass().add("shadow-legend");
        HBox legendBar = new HBox(legend);
        root = new VBox(8, tree, legendBar);
        root.getStyleClass().add("shadow-tree-pane");
        VBox.setVgrow(tree, Priority.ALWAYS);

        model.shadowProperty().subscribe(this::show);
    }

    Node node() {
        return root;
    }

    private void show(ShadowTree state) {
        Set<String> expanded = new HashSet<>();
        if (tree.getRoot() != null) {
            collectExpanded(tree.getRoot(), expanded);
        }
        TreeItem<ShadowField> top = new TreeItem<>();
        if (state != null) {
            for (ShadowField field : state.fields()) {
                top.getChildren().add(item(field, expanded, !shownBefore));
            }
            shownBefore = true;
            String shadowName = model.selectedShadowProperty().get();
            empty.setText(
                    state.exists()
                            ? Texts.get("thing.state.empty")
                            : shadowName.isEmpty()
                                    ? Texts.get("thing.state.noClassic")
                                    : Texts.get("thing.state.noNamed", shadowName));
        } else {
            empty.setText(Texts.get("thing.state.reading"));
        }
        tree.setRoot(top);
    }

    /** Everything starts open the first time; afterwards what the user closed stays closed. */
    private static TreeItem<ShadowField> item(ShadowField field, Set<String> expanded, boolean first) {
        TreeItem<ShadowField> item = new TreeItem<>(field);
        for (ShadowField child : field.children()) {
            item.getChildren().add(item(child, expanded, first));
        }
        item.setExpanded(first || expanded.contains(field.path()));
        return item;
    }

    private static void collectExpanded(TreeItem<ShadowField> item, Set<String> expanded) {
        for (TreeItem<ShadowField> child : item.getChildren()) {
            if (child.isExpanded() && child.getValue() != null) {
                expanded.add(child.getValue().path());
            }
            collectExpanded(child, expanded);
        }
    }

    private @Nullable String time(ShadowField field, @Nullable Instant at) {
        return field.isLeaf() && at != null ? TimeText.recent(at, model.now(), model.zone()) : null;
    }

    private static TreeTableColumn<ShadowField, ShadowField> column(
            String title, double width, Function<ShadowField, @Nullable String> text, @Nullable String styleClass) {
        TreeTableColumn<ShadowField, ShadowField> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 110));
        column.setSortable(false);
        column.setCellValueFactory(
                cell -> new ReadOnlyObjectWrapper<>(cell.getValue().getValue()));
        column.setCellFactory(c -> new FieldCell(text, styleClass));
        return column;
    }

    /** A row whose field is in the delta carries {@code shadow-pending}, which the stylesheet highlights. */
    private static final class PendingRow extends TreeTableRow<ShadowField> {

        @Override
        protected void updateItem(ShadowField field, boolean empty) {
            super.updateItem(field, empty);
            getStyleClass().remove("shadow-pending");
            if (!empty && field != null && field.pending()) {
                getStyleClass().add("shadow-pending");
            }
        }
    }

    private static final class FieldCell extends TreeTableCell<ShadowField, ShadowField> {

        private final Function<ShadowField, @Nullable String> text;
        /** What a leaf that lacks this side shows, or null to leave it blank. */
        private final @Nullable String absent;

        FieldCell(Function<ShadowField, @Nullable String> text, @Nullable String styleClass) {
            this.text = text;
            this.absent = switch (styleClass == null ? "" : styleClass) {
                case "shadow-desired" -> "\u2014";
                case "shadow-reported" -> Texts.get("thing.state.notReported");
                default -> null;
            };
            if (styleClass != null) {
                getStyleClass().add(styleClass);
            }
            setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        }

        @Override
        protected void updateItem(ShadowField field, boolean empty) {
            super.updateItem(field, empty);
            getStyleClass().remove("shadow-absent");
            if (empty || field == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            String value = text.apply(field);
            setText(value);
            if (value == null && field.isLeaf() && absent != null) {
                setText(absent);
                getStyleClass().add("shadow-absent");
            }
            setTooltip(value == null || value.length() < 24 ? null : new Tooltip(value));
        }
    }
}
