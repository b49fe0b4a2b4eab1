package io.fleetdeck.views.fleet;

import io.fleetdeck.api.shadows.ShadowWithoutAThing;
import io.fleetdeck.views.common.EmptyState;
import io.fleetdeck.views.common.TextCell;
import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.common.TimeText;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The shadows without a thing: a table of them and, for the one selected, its state (read only) and what to do about
 * it: create the thing by that name. Built and used on the JavaFX thread.
 */
final class ShadowsWithoutAThingPane {

    private final ShadowsWithoutAThingModel model;
    private final Consumer<String> openThing;
    private final VBox root = new VBox(8);

    /** @param openThing shows a thing's tab once it was created here */
    ShadowsWithoutAThingPane(ShadowsWithoutAThingModel model, ZoneId zone, Consumer<String> openThing) {
        this.model = model;
        this.openThing = openThing;
        root.setId("unregistered-shadows");
        root.getStyleClass().add("unregistered-shadows");
        Label about = new Label(Texts.get("fleet.unregistered.about"));
        about.setWrapText(true);
        about.setMinHeight(Label.USE_PREF_SIZE);
        about.getStyleClass().add("fleet-hint");
        Label problem = new Label();
        problem.setId("unregistered-problem");
        problem.getStyleClass().add("fleet-query-problem");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setWrapText(true);

        SplitPane split = new SplitPane(table(zone), detail());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(about, problem, split);
    }

    Node node() {
        return root;
    }

    private TableView<ShadowWithoutAThing> table(ZoneId zone) {
        TableView<ShadowWithoutAThing> table = new TableView<>(model.rows());
        table.setId("unregistered-table");
        table.setAccessibleText(Texts.get("fleet.unregistered.table"));
        table.setFixedCellSize(FleetView.ROW_HEIGHT);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<ShadowWithoutAThing, ShadowWithoutAThing> thing = TextCell.centreEllipsis(TextCell.flexible(
                Texts.get("fleet.unregistered.column.thing"),
                260,
                ShadowWithoutAThing::thingName,
                ShadowWithoutAThing::thingName,
                row -> "fleet-name"));
        TableColumn<ShadowWithoutAThing, ShadowWithoutAThing> shadow = TextCell.column(
                Texts.get("fleet.unregistered.column.shadow"),
                140,
                ShadowsWithoutAThingPane::shadowName,
                null,
                row -> row.shadowName().isEmpty() ? "fleet-muted" : "");
        TableColumn<ShadowWithoutAThing, ShadowWithoutAThing> version = TextCell.column(
                Texts.get("fleet.unregistered.column.version"),
                80,
                row -> Texts.get("fleet.number", row.version()),
                null,
                null);
        TableColumn<ShadowWithoutAThing, ShadowWithoutAThing> updated = TextCell.column(
                Texts.get("fleet.unregistered.column.updated"),
                170,
                row -> TimeText.exact(row.updatedAt(), zone),
                null,
                null);
        table.getColumns().setAll(thing, shadow, version, updated);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> model.select(row));
        EmptyState none = new EmptyState(
                MaterialDesignG.GHOST_OFF_OUTLINE,
                Texts.get("fleet.unregistered.empty.title"),
                Texts.get("fleet.unregistered.empty.text"),
                Texts.get("fleet.unregistered.empty.follows"));
        none.setId("unregistered-empty");
        table.setPlaceholder(none);
        return table;
    }

    /** The selected shadow: whose it would be, the way to register that thing, and its state. */
    private Node detail() {
        Label title = new Label();
        title.setId("unregistered-title");
        title.getStyleClass().add("fleet-count");
        title.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            ShadowWithoutAThing row = model.selectedProperty().get();
                            return row == null
                                    ? Texts.get("fleet.unregistered.pick")
                                    : Texts.get("fleet.unregistered.noThing", row.thingName());
                        },
                        model.selectedProperty()));
        title.setWrapText(true);
        title.setMinHeight(Label.USE_PREF_SIZE);

        Button create = new Button(Texts.get("fleet.unregistered.create"), new FontIcon(MaterialDesignP.PLUS));
        create.setId("unregistered-create");
        create.disableProperty().bind(model.selectedProperty().isNull());
        create.setOnAction(event -> confirmCreate());
        create.setMinWidth(Button.USE_PREF_SIZE);
        HBox actions = new HBox(8, create);
        actions.setAlignment(Pos.CENTER_LEFT);

        TextArea state = new TextArea();
        state.setId("unregistered-document");
        state.setEditable(false);
        state.getStyleClass().add("shadow-editor");
        state.textProperty().bind(model.documentProperty());
        state.setAccessibleText(Texts.get("fleet.unregistered.document"));
        VBox.setVgrow(state, Priority.ALWAYS);

        Label ghost = new Label(null, new FontIcon(MaterialDesignG.GHOST_OUTLINE));
        HBox heading = new HBox(8, ghost, title);
        heading.setAlignment(Pos.CENTER_LEFT);
        VBox detail = new VBox(8, heading, actions, state);
        detail.getStyleClass().add("unregistered-detail");
        detail.setMinWidth(220);
        return detail;
    }

    /** Registers the thing once the user confirms: no type, no attributes, as {@code thing create NAME} does. */
    private void confirmCreate() {
        ShadowWithoutAThing row = model.selectedProperty().get();
        if (row == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        confirm.setTitle(Texts.get("fleet.unregistered.confirm.title"));
        confirm.setHeaderText(Texts.get("fleet.unregistered.confirm.header", row.thingName()));
        confirm.setContentText(Texts.get("fleet.unregistered.confirm.text"));
        if (root.getScene() != null) {
            confirm.initOwner(root.getScene().getWindow());
        }
        ButtonType create =
                new ButtonType(Texts.get("fleet.unregistered.confirm.create"), ButtonType.OK.getButtonData());
        ButtonType cancel =
                new ButtonType(Texts.get("fleet.unregistered.confirm.cancel"), ButtonType.CANCEL.getButtonData());
        confirm.getButtonTypes().setAll(create, cancel);
        confirm.showAndWait().filter(create::equals).ifPresent(answer -> model.createThing(row.thingName(), openThing));
    }

    private static String shadowName(ShadowWithoutAThing row) {
        return row.shadowName().isEmpty() ? Texts.get("fleet.unregistered.classic") : row.shadowName();
    }
}
