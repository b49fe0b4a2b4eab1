package io.fleetdeck.views.groups;

import io.fleetdeck.api.groups.ThingGroupSummary;
import io.fleetdeck.views.common.TimeText;
import java.util.List;
import java.util.Map;
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
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/**
 * The questions the Groups view asks before it changes the registry, each naming the group it is about. Returns what
 * the user chose, or empty when they cancelled. JavaFX thread only.
 */
final class GroupDialogs {

    /** What to create: a name, under a parent or at the top (parent null). */
    record NewGroup(String name, @Nullable String parent) {}

    private GroupDialogs() {}

    /** Asks for a new group's name and where it goes: under {@code selected} (when there is one) or at the top. */
    static Optional<NewGroup> create(@Nullable Window owner, @Nullable String selected) {
        Dialog<NewGroup> dialog = dialog(owner, "New thing group");
        ButtonType create = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);

        TextField name = nameField("");
        ToggleGroup where = new ToggleGroup();
        RadioButton under = new RadioButton(selected == null ? "" : "Under " + selected);
        under.setId("group-dialog-under");
        under.setToggleGroup(where);
        RadioButton top = new RadioButton("At the top, as a new hierarchy");
        top.setId("group-dialog-top");
        top.setToggleGroup(where);
        (selected == null ? top : under).setSelected(true);
        under.setVisible(selected != null);
        under.setManaged(selected != null);
        Label heading = text(
                selected == null
                        ? "Create a thing group at the top of a new hierarchy."
                        : "Create a thing group under " + selected + ", or at the top.");
        heading.setId("group-dialog-text");
        dialog.getDialogPane().setContent(new VBox(10, heading, name, under, top));
        confirm(dialog, create, "Create")
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
        Dialog<NewDynamicGroup> dialog = dialog(owner, "New dynamic thing group");
        ButtonType create = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);
        TextField name = nameField("");
        name.setPromptText("e.g. low-battery");
        TextField matching = new TextField(query == null ? "" : query);
        matching.setId("group-dialog-query");
        matching.setPromptText("e.g. shadow.reported.battery<20");
        matching.setPrefColumnCount(40);
        matching.getStyleClass().add("group-query");
        Label heading = text("Its members are the things the query matches, now and as they change. It has no"
                + " subgroups, and no policies can be attached to it.");
        heading.setId("group-dialog-text");
        dialog.getDialogPane().setContent(new VBox(10, heading, name, matching));
        confirm(dialog, create, "Create")
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
        Dialog<String> dialog = dialog(owner, "Rename thing group");
        ButtonType rename = new ButtonType("Rename", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(rename, ButtonType.CANCEL);
        TextField name = nameField(group);
        Label heading = text("Rename group " + group + " to:");
        heading.setId("group-dialog-text");
        dialog.getDialogPane().setContent(new VBox(10, heading, name));
        confirm(dialog, rename, "Rename")
                .disableProperty()
                .bind(name.textProperty().isEmpty().or(name.textProperty().isEqualTo(group)));
        dialog.setResultConverter(button -> button == rename ? name.getText().strip() : null);
        Platform.runLater(name::selectAll);
        return dialog.showAndWait();
    }

    /**
     * The group's own attributes to edit: rows are changed, added and removed, and Save hands back all of them as
     * they stand (inherited ones are not here: AWS does not inherit attributes, each group keeps its own).
     */
    static Optional<List<GroupsViewModel.Attribute>> editAttributes(
            @Nullable Window owner, String group, Map<String, String> attributes) {
        Dialog<List<GroupsViewModel.Attribute>> dialog = dialog(owner, "Attributes of " + group);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        AttributeEditor editor = new AttributeEditor(attributes);
        Label heading = text("The attributes of group " + group + ". Names and values take letters, digits and"
                + " _.,@/:#-; a row without a value is removed.");
        heading.setId("group-dialog-text");
        dialog.getDialogPane().setContent(new VBox(10, heading, editor.node()));
        confirm(dialog, save, "Save");
        dialog.setResultConverter(button -> button == save ? editor.rows() : null);
        return dialog.showAndWait();
    }

    /** Asks which of {@code policies} to attach to {@code group}; says so when there is none left to attach. */
    static Optional<String> choosePolicy(@Nullable Window owner, String group, List<String> policies) {
        if (policies.isEmpty()) {
            Alert none = new Alert(Alert.AlertType.INFORMATION);
            none.initOwner(owner);
            none.setTitle("Attach a policy");
            none.setHeaderText(null);
            none.setContentText("Every policy is attached to group " + group + " already; create one in the"
                    + " Certificates section, or with fleetdeck policy create.");
            none.showAndWait();
            return Optional.empty();
        }
        ChoiceDialog<String> dialog = new ChoiceDialog<>(policies.getFirst(), policies);
        dialog.initOwner(owner);
        dialog.setTitle("Attach a policy to " + group);
        dialog.setHeaderText(null);
        dialog.setContentText("Policy for every thing in " + group + " and below it:");
        Button attach = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        attach.setId("group-dialog-confirm");
        attach.setText("Attach");
        return dialog.showAndWait();
    }

    /** Asks whether to delete {@code group}, saying what is below it. */
    static boolean delete(@Nullable Window owner, ThingGroupSummary group, int subgroups) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(owner);
        alert.setTitle("Delete thing group");
        alert.setHeaderText("Delete group " + group.name() + "?");
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(delete, ButtonType.CANCEL);
        String below = subgroups == 0 && group.totalMembers() == 0
                ? "It is empty."
                : "It has " + TimeText.count(subgroups, "subgroup") + " and "
                        + TimeText.count(group.directMembers(), "thing") + " directly in it ("
                        + TimeText.number(group.totalMembers()) + " with its subgroups).";
        Label text = text(below + " Policies attached to it stop applying to its things.");
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
        name.setPromptText("e.g. site-north or floor-2");
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
