package io.fleetdeck.views.fleet;

import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.settings.SavedQuery;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The query bar's menu of saved and recent queries: pick one to run it, save the query in the bar under a name, delete
 * a saved one. Rebuilt each time it opens, from the {@link QueryHistory}. Built and used on the JavaFX thread.
 */
final class QueryHistoryMenu {

    private final QueryBarModel model;
    private final MenuButton button = new MenuButton();

    QueryHistoryMenu(QueryBarModel model) {
        this.model = Objects.requireNonNull(model, "model");
        button.setId("fleet-query-history");
        button.setGraphic(new FontIcon(MaterialDesignH.HISTORY));
        button.setTooltip(new Tooltip(Texts.get("fleet.history.tooltip")));
        button.setAccessibleText(Texts.get("fleet.history.tooltip"));
        button.getStyleClass().add("query-history");
        button.setOnShowing(event -> rebuild());
        rebuild();
    }

    Node node() {
        return button;
    }

    private void rebuild() {
        QueryHistory history = model.history();
        MenuItem save =
                new MenuItem(Texts.get("fleet.history.save"), new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.setId("fleet-query-save");
        save.setDisable(model.textProperty().get().isBlank());
        save.setOnAction(event -> askNameAndSave());
        button.getItems().setAll(save);

        Menu delete = new Menu(Texts.get("fleet.history.delete"));
        delete.setId("fleet-query-delete");
        if (!history.saved().isEmpty()) {
            button.getItems().addAll(new SeparatorMenuItem(), heading(Texts.get("fleet.history.saved")));
            for (SavedQuery kept : history.saved()) {
                MenuItem run =
                        new MenuItem(kept.name() + "  \u2014  " + kept.query(), new FontIcon(MaterialDesignS.STAR));
                run.setOnAction(event -> model.run(kept.query()));
                button.getItems().add(run);
                MenuItem forget = new MenuItem(kept.name());
                forget.setOnAction(event -> history.delete(kept.name()));
                delete.getItems().add(forget);
            }
            button.getItems().add(delete);
        }
        if (!history.recent().isEmpty()) {
            button.getItems().addAll(new SeparatorMenuItem(), heading(Texts.get("fleet.history.recent")));
            for (String recent : history.recent()) {
                MenuItem run = new MenuItem(recent);
                run.setMnemonicParsing(false);
                run.setOnAction(event -> model.run(recent));
                button.getItems().add(run);
            }
        }
    }

    private void askNameAndSave() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle(Texts.get("fleet.history.save.title"));
        dialog.setHeaderText(Texts.get(
                "fleet.history.save.header", model.textProperty().get().strip()));
        dialog.setContentText(Texts.get("fleet.history.save.name"));
        dialog.initOwner(button.getScene() == null ? null : button.getScene().getWindow());
        dialog.showAndWait().filter(name -> !name.isBlank()).ifPresent(model::save);
    }

    private static MenuItem heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("query-history-heading");
        CustomMenuItem item = new CustomMenuItem(label, false);
        item.setDisable(true);
        return item;
    }
}
