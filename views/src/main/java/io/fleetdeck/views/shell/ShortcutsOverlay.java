package io.fleetdeck.views.shell;

import atlantafx.base.theme.Styles;
import io.fleetdeck.views.common.Texts;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The card that lists every shortcut (F1 or Ctrl+/), laid over the whole window on a dimmed backdrop; Esc or a click
 * beside it closes it. Shown while the shell's model says so. Built and used on the JavaFX thread.
 */
final class ShortcutsOverlay {

    private final StackPane backdrop = new StackPane();
    private @Nullable Node focusBefore;

    ShortcutsOverlay(ShellViewModel model, Shortcuts shortcuts) {
        Objects.requireNonNull(model, "model");
        Label title = new Label(Texts.get("shell.overlay.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        VBox card = new VBox(12, title, table(shortcuts.global()));
        if (!shortcuts.inPlace().isEmpty()) {
            Label where = new Label(Texts.get("shell.overlay.inPlace"));
            where.getStyleClass().add("shortcuts-heading");
            card.getChildren().addAll(where, table(shortcuts.inPlace()));
        }
        Label close = new Label(Texts.get("shell.overlay.close"));
        close.getStyleClass().add("shortcuts-footnote");
        card.getChildren().add(close);
        card.setId("shortcuts-card");
        card.getStyleClass().add("shortcuts-card");
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        card.setFocusTraversable(true);
        card.setAccessibleText(Texts.get("shell.overlay.accessible"));
        // a click on the card stays there; one beside it closes
        card.setOnMouseClicked(javafx.event.Event::consume);

        backdrop.setId("shortcuts-overlay");
        backdrop.getStyleClass().add("shortcuts-overlay");
        backdrop.getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
        backdrop.setOnMouseClicked(event -> model.closeShortcuts());
        backdrop.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                model.closeShortcuts();
                event.consume();
            } else if (event.getCode() == KeyCode.TAB) {
                // the list covers the window: Tab must not wander into the controls hidden behind it
                event.consume();
            }
        });
        backdrop.visibleProperty().bind(model.shortcutsShownProperty());
        model.shortcutsShownProperty().subscribe(shown -> {
            if (shown) {
                Scene scene = card.getScene();
                focusBefore = scene == null ? null : scene.getFocusOwner();
                card.requestFocus();
            } else if (card.isFocused() && focusBefore != null && focusBefore.getScene() == card.getScene()) {
                // the keyboard goes back to where it was when the list opened
                focusBefore.requestFocus();
            }
        });
    }

    Node node() {
        return backdrop;
    }

    private static GridPane table(List<Shortcuts.Shortcut> rows) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        for (int i = 0; i < rows.size(); i++) {
            Label keys = new Label(rows.get(i).keys());
            keys.getStyleClass().add("shortcut-keys");
            keys.setMinWidth(Label.USE_PREF_SIZE);
            Label does = new Label(rows.get(i).does());
            does.getStyleClass().add("shortcut-does");
            grid.addRow(i, keys, does);
        }
        return grid;
    }
}
