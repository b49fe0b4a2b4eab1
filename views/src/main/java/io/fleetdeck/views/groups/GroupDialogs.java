package io.fleetdeck.views.groups;

import io.fleetdeck.api.groups.ThingGroupSummary;
import io.fleetdeck.views.common.Texts;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/**
 * The questions the Groups view asks before it changes the registry, each naming the group it is about. Returns what
 * the user chose, or empty when they cancelled. JavaFX thread only.
 */
final class GroupDialogs {

    /** Written in the query language, so the same in every language. */
    private static final String QUERY_EXAMPLE = "shadow.reported.battery<20";

    /** What to create: a name, under a parent or at the top (parent null). */
    record NewGroup(String name, @Nullable String parent) {}

    private GroupDialogs() {}

    /** Asks for a new group's name and where it goes: under {@code selected} (when there is one) or at the top. */
    static Optional<NewGroup> create(@Nullable Window owner, @Nullable String selected) {
        Dialog<NewGroup> dialog = dialog(owner, Texts.get("groups.dialog.create.title"));
        ButtonType create = new ButtonType(Texts.get("groups.dialog.create"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);

        TextField name = nameField("");
        ToggleGroup where = new ToggleGroup();
        RadioButton under = new RadioButton(selected == null ? "" : Texts.get("groups.dialog.under", selected));
        under.setId("group-dialog-under");
        under.setToggleGroup(where);
        RadioButton top = new RadioButton(Texts.get("groups.dialog.top"));
        top.setId("group-dialog-top");
        top.setToggleGroup(where);
        (selected == null ? top : under).setSelected(true);
        under.setVisible(selected != null);
        under.setManaged(selected != null);
        Label heading = text(
                selected == null
                        ? Texts.get("groups.dialog.create.atTop")
                        : Texts.get("groups.dialog.create.under", selected));
        heading.setId("group-dialog-text");
        dialog.getDialogPane().setContent(new VBox(10, heading, name, under, top));
        confirm(dialog, create, Texts.get("groups.dialog.create"))
                .disableProperty()
                .bind(name.textProperty().isEmpty());
        dialog.setResultConverter(button ->
                button == create ? new NewGroup(name.getText().strip(), under.isSelected() ? selected : null) : null);
        Platform.runLater(name::requestFocus);
        return dialog.showAndWait();
    }

    /** What to create: a dynamic group's name and the fleet query that chooses its members. */
    record NewDynamicGroup(String name, String query) {}

    /**
     * Asks for a dynamic group's name and query; the query starts as {@code query} (the Fleet view's current one),
     * so a search becomes a group in two clicks.
     */
    static Optional<NewDynamicGroup> createDynamic(@Nullable Window owner, String query) {
        Dialog<NewDynamicGroup> dialog = dialog(owner, Texts.get("groups.dialog.createDynamic.title"));
        ButtonType create = new ButtonType(Texts.get("groups.dialog.create"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);
        TextField name = nameField("");
        name.setPromptText(Texts.get("groups.dialog.createDynamic.namePrompt"));
        TextField matching = new TextField(query == null ? "" : query);
        matching.setId("group-dialog-query");
        matching.setPromptText(Texts.get("groups.dialog.createDynamic.queryPrompt", QUERY_EXAMPLE));
        matching.setPrefColumnCount(40);
        matching.getStyleClass().add("group-query");
        Label heading = text(Texts.get("groups.dialog.createDynamic.text"));
        heading.setId("group-dialog-text");
        dialog.getDialogPane().setContent(new VBox(10, heading, name, matching));
        confirm(dialog, create, Texts.get("groups.dialog.create"))
                .disableProperty()
                .bind(name.textProperty().isEmpty().or(matching.textProperty().isEmpty()));
        dialog.setResultConverter(button -> button == create
                ? new NewDynamicGroup(name.getText().strip(), matching.getText().strip())
                : null);
        Platform.runLater(name::requestFocus);
        return dialog.showAndWait();
    }

    /** Asks for {@code group}'s new name. */
    static Optional<String> rename(@Nullable Window owner, String group) {
        Dialog<String> dialog = dialog(owner, Texts.get("groups.dialog.rename.title"));
        ButtonType rename = new ButtonType(Texts.get("groups.dialog.rename"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(rename, ButtonType.CANCEL);
        TextField name = nameField(group);
        Label heading = text(Texts.get("groups.dialog.rename.text", group));
        heading.setId("group-dialog-text");
        dialog.getDialogPane().setContent(new VBox(10, heading, name));
        confirm(dialog, rename, Texts.get("groups.dialog.rename"))
                .disableProperty()
                .bind(name.textProperty().isEmpty().or(name.textProperty().isEqualTo(group)));
        dialog.setResultConverter(button -> button == rename ? name.getText().strip() : null);
        Platform.runLater(name::selectAll);
        return dialog.showAndWait();
    }

    /** A new attribute as typed: a name and a value. */
    record NewAttribute(String name, String value) {}

    /** Asks for a new attribute's name and value; the view model refuses a name the group has already. */
    static Optional<NewAttribute> addAttribute(@Nullable Window owner, String group) {
        Dialog<NewAttribute> dialog = dialog(owner, Texts.get("groups.dialog.addAttribute.title", group));
        ButtonType add = new ButtonType(Texts.get("groups.dialog.addAttribute"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(add, ButtonType.CANCEL);
        TextField name = new TextField();
        name.setId("group-attribute-name");
        name.setPromptText(Texts.get("groups.attribute.namePrompt"));
        name.setAccessibleText(Texts.get("groups.attribute.namePrompt"));
        name.setPrefColumnCount(16);
        TextField value = new TextField();
        value.setId("group-attribute-value");
        value.setPromptText(Texts.get("groups.attribute.valuePrompt"));
        value.setAccessibleText(Texts.get("groups.attribute.valuePrompt"));
        value.setPrefColumnCount(24);
        Label heading = text(Texts.get("groups.dialog.addAttribute.text", group));
        heading.setId("group-dialog-text");
        dialog.getDialogPane().setContent(new VBox(10, heading, new HBox(8, name, value)));
        confirm(dialog, add, Texts.get("groups.dialog.addAttribute"))
                .disableProperty()
                .bind(name.textProperty().isEmpty().or(value.textProperty().isEmpty()));
        dialog.setResultConverter(button -> button == add ? new NewAttribute(name.getText(), value.getText()) : null);
        Platform.runLater(name::requestFocus);
        return dialog.showAndWait();
    }

    /** Asks which of the group's own attributes to remove; says so when it has none. */
    static Optional<String> removeAttribute(@Nullable Window owner, String group, List<String> own) {
        if (own.isEmpty()) {
            Alert none = new Alert(Alert.AlertType.INFORMATION);
            none.initOwner(owner);
            none.setTitle(Texts.get("groups.dialog.removeAttribute.title", group));
            none.setHeaderText(null);
            none.setContentText(Texts.get("groups.dialog.removeAttribute.none", group));
            none.showAndWait();
            return Optional.empty();
        }
        ChoiceDialog<String> dialog = new ChoiceDialog<>(own.getFirst(), own);
        dialog.initOwner(owner);
        dialog.setTitle(Texts.get("groups.dialog.removeAttribute.title", group));
        dialog.setHeaderText(null);
        dialog.setContentText(Texts.get("groups.dialog.removeAttribute.text", group));
        Button remove = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        remove.setId("group-dialog-confirm");
        remove.setText(Texts.get("groups.dialog.removeAttribute"));
        remove.getStyleClass().add("danger");
        return dialog.showAndWait();
    }

    /** Asks which of {@code policies} to attach to {@code group}; says so when there is none left to attach. */
    static Optional<String> choosePolicy(@Nullable Window owner, String group, List<String> policies) {
        if (policies.isEmpty()) {
            Alert none = new Alert(Alert.AlertType.INFORMATION);
            none.initOwner(owner);
            none.setTitle(Texts.get("groups.dialog.attach.title"));
            none.setHeaderText(null);
            none.setContentText(Texts.get("groups.dialog.attach.none", group));
            none.showAndWait();
            return Optional.empty();
        }
        ChoiceDialog<String> dialog = new ChoiceDialog<>(policies.getFirst(), policies);
        dialog.initOwner(owner);
        dialog.setTitle(Texts.get("groups.dialog.attach.titleTo", group));
        dialog.setHeaderText(null);
        dialog.setContentText(Texts.get("groups.dialog.attach.text", group));
        Button attach = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        attach.setId("group-dialog-confirm");
        attach.setText(Texts.get("groups.dialog.attach"));
        return dialog.showAndWait();
    }

    /** Asks whether to delete {@code group}, saying what is below it. */
    static boolean delete(@Nullable Window owner, ThingGroupSummary group, int subgroups) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(owner);
        alert.setTitle(Texts.get("groups.dialog.delete.title"));
        alert.setHeaderText(Texts.get("groups.dialog.delete.header", group.name()));
        ButtonType delete = new ButtonType(Texts.get("groups.dialog.delete"), ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(delete, ButtonType.CANCEL);
        String below = subgroups == 0 && group.totalMembers() == 0
                ? Texts.get("groups.dialog.delete.empty")
                : Texts.get("groups.dialog.delete.below", subgroups, group.directMembers(), group.totalMembers());
        Label text = text(Texts.get("groups.dialog.delete.text", below));
        text.setId("group-dialog-text");
        alert.getDialogPane().setContent(text);
        Button button = (Button) alert.getDialogPane().lookupButton(delete);
        button.setId("group-dialog-confirm");
        button.getStyleClass().add("danger");
        return alert.showAndWait().filter(delete::equals).isPresent();
    }

    private static <T> Dialog<T> dialog(@Nullable Window owner, String title) {
        Dialog<T> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        return dialog;
    }

    private static Node confirm(Dialog<?> dialog, ButtonType type, String text) {
        Button button = (Button) dialog.getDialogPane().lookupButton(type);
        button.setId("group-dialog-confirm");
        button.setText(text);
        return button;
    }

    private static TextField nameField(String initial) {
        TextField name = new TextField(initial);
        name.setId("group-dialog-name");
        name.setPromptText(Texts.get("groups.dialog.namePrompt"));
        name.setPrefColumnCount(28);
        return name;
    }

    private static Label text(String words) {
        Label label = new Label(words);
        label.setWrapText(true);
        label.setMaxWidth(440);
        label.getStyleClass().add("group-dialog-text");
        return label;
    }
}
