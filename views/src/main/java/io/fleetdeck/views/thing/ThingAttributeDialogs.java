package io.fleetdeck.views.thing;

import io.fleetdeck.views.common.Texts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/** The questions the thing tab asks before it adds or removes a registry attribute. JavaFX thread only. */
final class ThingAttributeDialogs {

    private ThingAttributeDialogs() {}

    /** Asks for a new attribute's name and value: the pair, or empty when cancelled. */
    static Optional<Map.Entry<String, String>> add(@Nullable Window owner, String thing) {
        Dialog<Map.Entry<String, String>> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Texts.get("thing.attribute.dialog.addTitle", thing));
        dialog.setHeaderText(null);
        ButtonType add = new ButtonType(Texts.get("thing.attribute.dialog.add"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(add, ButtonType.CANCEL);
        TextField name = new TextField();
        name.setId("thing-attribute-name");
        name.setPromptText(Texts.get("thing.attribute.namePrompt"));
        name.setAccessibleText(Texts.get("thing.attribute.namePrompt"));
        TextField value = new TextField();
        value.setId("thing-attribute-new-value");
        value.setPromptText(Texts.get("thing.attribute.valuePrompt"));
        value.setAccessibleText(Texts.get("thing.attribute.valuePrompt"));
        Label text = new Label(Texts.get("thing.attribute.dialog.addText", thing));
        text.setWrapText(true);
        text.setMaxWidth(440);
        dialog.getDialogPane().setContent(new VBox(10, text, new HBox(8, name, value)));
        Button confirm = (Button) dialog.getDialogPane().lookupButton(add);
        confirm.setId("thing-attribute-confirm");
        confirm.disableProperty()
                .bind(name.textProperty().isEmpty().or(value.textProperty().isEmpty()));
        dialog.setResultConverter(button -> button == add ? Map.entry(name.getText(), value.getText()) : null);
        Platform.runLater(name::requestFocus);
        return dialog.showAndWait();
    }

    /** Asks which attribute to remove; says so when the thing has none. */
    static Optional<String> remove(@Nullable Window owner, String thing, List<String> attributes) {
        if (attributes.isEmpty()) {
            Alert none = new Alert(Alert.AlertType.INFORMATION);
            none.initOwner(owner);
            none.setTitle(Texts.get("thing.attribute.dialog.removeTitle", thing));
            none.setHeaderText(null);
            none.setContentText(Texts.get("thing.attribute.dialog.none", thing));
            none.showAndWait();
            return Optional.empty();
        }
        ChoiceDialog<String> dialog = new ChoiceDialog<>(attributes.getFirst(), attributes);
        dialog.initOwner(owner);
        dialog.setTitle(Texts.get("thing.attribute.dialog.removeTitle", thing));
        dialog.setHeaderText(null);
        dialog.setContentText(Texts.get("thing.attribute.dialog.removeText"));
        Button remove = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        remove.setId("thing-attribute-confirm");
        remove.setText(Texts.get("thing.attribute.dialog.remove"));
        remove.getStyleClass().add("danger");
        return dialog.showAndWait();
    }
}
