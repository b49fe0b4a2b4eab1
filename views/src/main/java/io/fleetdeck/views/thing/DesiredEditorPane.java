package io.fleetdeck.views.thing;

import atlantafx.base.theme.Styles;
import io.fleetdeck.views.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.TraversalDirection;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/**
 * The desired-state editor: the shadow's desired section as JSON, checked as it is typed (line and column of the
 * first problem), sent with the version it started from. JavaFX thread only.
 */
final class DesiredEditorPane {

    private final VBox root;

    DesiredEditorPane(ThingViewModel model) {
        TextArea editor = new TextArea();
        editor.setId("thing-editor");
        editor.setAccessibleText(Texts.get("common.a11y.desiredEditor"));
        editor.getStyleClass().add("thing-editor");
        editor.textProperty().bindBidirectional(model.editorTextProperty());
        editor.setWrapText(false);
        // Tab leaves the editor as it leaves every other field, so the keyboard is never held here (a TextArea would
        // type a tab, which JSON does not need: its documents are indented with spaces)
        editor.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.TAB && !event.isShortcutDown() && !event.isAltDown()) {
                event.consume();
                editor.requestFocusTraversal(
                        event.isShiftDown() ? TraversalDirection.PREVIOUS : TraversalDirection.NEXT);
            }
        });
        VBox.setVgrow(editor, Priority.ALWAYS);

        Label problem = new Label();
        problem.setId("thing-editor-problem");
        problem.getStyleClass().add("thing-editor-problem");
        problem.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        problem.setWrapText(true);
        problem.textProperty().bind(model.editorProblemProperty());
        problem.visibleProperty().bind(model.editorProblemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        Label what = new Label();
        what.setId("thing-editor-request");
        what.getStyleClass().add("thing-muted");
        what.setWrapText(true);
        what.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.editorVersionProperty().get() > 0
                                ? Texts.get(
                                        "thing.edit.sends",
                                        model.editorVersionProperty().get())
                                : Texts.get("thing.edit.sendsNew"),
                        model.editorVersionProperty()));

        Button send = new Button(Texts.get("thing.edit.send"), new FontIcon(MaterialDesignS.SEND_OUTLINE));
        send.setId("thing-send");
        send.getStyleClass().add(Styles.ACCENT);
        send.disableProperty().bind(model.canSend().not());
        send.setOnAction(event -> model.send());
        Button revert = new Button(Texts.get("thing.edit.revert"), new FontIcon(MaterialDesignU.UNDO));
        revert.setId("thing-revert");
        revert.setOnAction(event -> model.revertEditor());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, what, gap, revert, send);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(what, Priority.SOMETIMES);
        send.setMinWidth(Region.USE_PREF_SIZE);
        revert.setMinWidth(Region.USE_PREF_SIZE);

        root = new VBox(8, editor, problem, buttons);
        root.getStyleClass().add("thing-editor-pane");
    }

    Node node() {
        return root;
    }
}
