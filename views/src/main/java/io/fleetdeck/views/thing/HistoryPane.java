package io.fleetdeck.views.thing;

import io.fleetdeck.views.common.TextCell;
import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.common.TimeText;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/**
 * The shadow's versions as a timeline, newest on top, and what changed between any two of them: choose a version on
 * the timeline, and the one to compare it with. JavaFX thread only.
 */
final class HistoryPane {

    /** A timeline entry's height; its line runs from top to bottom, so the entries join up. */
    private static final double ENTRY_HEIGHT = 54;

    private final ThingViewModel model;
    private final ListView<TimelineVersion> timeline = new ListView<>();
    private final SplitPane root;
    private boolean following;

    HistoryPane(ThingViewModel model) {
        this.model = model;
        timeline.setId("history-timeline");
        timeline.setAccessibleText(Texts.get("common.a11y.historyTimeline"));
        timeline.getStyleClass().add("history-timeline");
        timeline.setItems(model.history());
        timeline.setCellFactory(view -> new VersionCell(model));
        timeline.setFixedCellSize(ENTRY_HEIGHT);
        timeline.setMinWidth(190);
        Label none = new Label(Texts.get("thing.history.none"));
        none.getStyleClass().add("table-placeholder");
        timeline.setPlaceholder(none);
        timeline.getSelectionModel().selectedItemProperty().addListener((obs, old, version) -> {
            if (!following && version != null) {
                int index = model.history().indexOf(version);
                model.compareToProperty().set(version);
                model.compareFromProperty()
                        .set(
                                index + 1 < model.history().size()
                                        ? model.history().get(index + 1)
                                        : null);
            }
        });
        model.compareToProperty().subscribe(this::follow);

        root = new SplitPane(timeline, comparison());
        root.setDividerPositions(0.28);
        root.setOrientation(Orientation.HORIZONTAL);
        SplitPane.setResizableWithParent(timeline, false);
        root.getStyleClass().add("history-pane");
    }

    Node node() {
        return root;
    }

    private Node comparison() {
        ComboBox<TimelineVersion> from = versionChoice("history-from", Texts.get("thing.history.before"));
        from.valueProperty().bindBidirectional(model.compareFromProperty());
        ComboBox<TimelineVersion> to = versionChoice("history-to", Texts.get("thing.history.aVersion"));
        to.valueProperty().bindBidirectional(model.compareToProperty());
        Label compare = new Label(Texts.get("thing.history.from"));
        compare.getStyleClass().add("thing-section-heading");
        Label with = new Label(Texts.get("thing.history.to"));
        for (Label label : List.of(compare, with)) {
            label.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, compare, from, with, to);
        bar.setAlignment(Pos.CENTER_LEFT);

        TableView<FieldChange> changes = new TableView<>(model.diff());
        changes.setId("history-diff");
        changes.setAccessibleText(Texts.get("common.a11y.historyDiff"));
        changes.getStyleClass().add("history-diff");
        changes.setFixedCellSize(28);
        changes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<FieldChange, FieldChange> kind = TextCell.column(
                Texts.get("thing.history.change"),
                // "hinzugefügt" needs more room than "added"
                Integer.parseInt(Texts.get("thing.history.change.width")),
                change -> kindText(change.kind()),
                null,
                change -> "diff-" + change.kind().word());
        TableColumn<FieldChange, FieldChange> path = TextCell.centreEllipsis(TextCell.flexible(
                Texts.get("thing.history.path"), 220, FieldChange::path, FieldChange::path, change -> "diff-path"));
        // values are mostly short; the path is what must read whole
        TableColumn<FieldChange, FieldChange> before = TextCell.column(
                Texts.get("thing.history.beforeColumn"),
                96,
                change -> orNone(change.before()),
                FieldChange::before,
                change -> "diff-value");
        TableColumn<FieldChange, FieldChange> after = TextCell.column(
                Texts.get("thing.history.after"),
                96,
                change -> orNone(change.after()),
                FieldChange::after,
                change -> "diff-value");
        changes.getColumns().setAll(List.of(kind, path, before, after));
        for (TableColumn<FieldChange, ?> column : changes.getColumns()) {
            column.setSortable(false);
        }
        Label same = new Label(Texts.get("thing.history.same"));
        same.getStyleClass().add("table-placeholder");
        changes.setPlaceholder(same);

        VBox box = new VBox(8, bar, changes);
        box.getStyleClass().add("history-comparison");
        VBox.setVgrow(changes, Priority.ALWAYS);
        return box;
    }

    private ComboBox<TimelineVersion> versionChoice(String id, String prompt) {
        ComboBox<TimelineVersion> choice = new ComboBox<>(model.history());
        choice.setId(id);
        choice.setPromptText(prompt);
        choice.setPrefWidth(140);
        choice.setMinWidth(120);
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(@Nullable TimelineVersion version) {
                return version == null ? "" : label(version);
            }

            @Override
            public @Nullable TimelineVersion fromString(String text) {
                return null;
            }
        });
        return choice;
    }

    /** Just the version: the timeline beside it says when. */
    private static String label(TimelineVersion version) {
        return Texts.get("thing.version", version.version());
    }

    private static String kindText(FieldChange.Kind kind) {
        return switch (kind) {
            case ADDED -> Texts.get("thing.history.added");
            case REMOVED -> Texts.get("thing.history.removed");
            case CHANGED -> Texts.get("thing.history.changed");
        };
    }

    /** Keeps the timeline's selection on the newer version compared, without telling the model again. */
    private void follow(TimelineVersion version) {
        following = true;
        try {
            if (version == null) {
                timeline.getSelectionModel().clearSelection();
            } else {
                timeline.getSelectionModel().select(version);
            }
        } finally {
            following = false;
        }
    }

    private static String orNone(@Nullable String value) {
        return value == null ? TimeText.NONE : value;
    }

    /** A dot on the line, the version and when it was written, and how much it changed. */
    private static final class VersionCell extends ListCell<TimelineVersion> {

        private final ThingViewModel model;
        private final Label version = new Label();
        private final Label when = new Label();
        private final Label summary = new Label();
        private final HBox box;
        private final Region above = new Region();
        private final Region below = new Region();

        VersionCell(ThingViewModel model) {
            this.model = model;
            Circle dot = new Circle(5);
            dot.getStyleClass().add("history-dot");
            // the line of the timeline: through the dot, from the version above to the one below
            above.getStyleClass().add("history-line");
            below.getStyleClass().add("history-line");
            VBox.setVgrow(above, Priority.ALWAYS);
            VBox.setVgrow(below, Priority.ALWAYS);
            VBox line = new VBox(above, dot, below);
            line.setAlignment(Pos.CENTER);
            line.setMinWidth(12);
            version.getStyleClass().add("history-version");
            when.getStyleClass().add("thing-muted");
            summary.getStyleClass().add("history-summary");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox top = new HBox(8, version, gap, summary);
            top.setAlignment(Pos.BASELINE_LEFT);
            VBox text = new VBox(2, top, when);
            HBox.setHgrow(text, Priority.ALWAYS);
            box = new HBox(10, line, text);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setFillHeight(true);
            box.setMinHeight(ENTRY_HEIGHT);
            box.setPrefHeight(ENTRY_HEIGHT);
            box.getStyleClass().add("history-entry");
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(TimelineVersion item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            above.setVisible(getIndex() > 0);
            below.setVisible(getIndex() < getListView().getItems().size() - 1);
            version.setText(Texts.get("thing.version", item.version()));
            when.setText(TimeText.recent(item.writtenAt(), model.now(), model.zone()));
            summary.setText(item.changeSummary());
            setGraphic(box);
        }
    }
}
