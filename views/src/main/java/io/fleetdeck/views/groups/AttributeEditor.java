package io.fleetdeck.views.groups;

import io.fleetdeck.views.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * A group's own attributes as rows of name and value, each with a button that removes it, and a button that adds an
 * empty row: the body of the attribute dialog. Row {@code i}'s fields have the ids {@code group-attribute-name-i}
 * and {@code group-attribute-value-i}. Built and used on the JavaFX thread.
 */
final class AttributeEditor {

    private final GridPane rows = new GridPane();
    private final List<TextField[]> fields = new ArrayList<>();
    private final VBox root;

    AttributeEditor(Map<String, String> attributes) {
        rows.setHgap(8);
        rows.setVgap(6);
        rows.setId("group-attribute-rows");
        rows.addRow(0, heading(Texts.get("groups.attribute.name")), heading(Texts.get("groups.attribute.value")));
        attributes.forEach(this::addRow);
        if (attributes.isEmpty()) {
            addRow("", ""); // a group without attributes opens on a row to fill in, not on bare headings
        }
        Button add = new Button(Texts.get("groups.attribute.add"), new FontIcon(MaterialDesignP.PLUS));
        add.setId("group-attribute-add");
        add.setOnAction(event -> addRow("", "").requestFocus());
        ScrollPane scroller = new ScrollPane(rows);
        scroller.setFitToWidth(true);
        scroller.setPrefViewportHeight(220);
        scroller.getStyleClass().add("group-attribute-scroller");
        root = new VBox(10, scroller, add);
    }

    Node node() {
        return root;
    }

    /** The rows as they stand, in order, removed ones left out; validated by the view model. */
    List<GroupsViewModel.Attribute> rows() {
        List<GroupsViewModel.Attribute> list = new ArrayList<>();
        for (TextField[] row : fields) {
            if (row[0].getParent() != null) {
                list.add(new GroupsViewModel.Attribute(row[0].getText(), row[1].getText()));
            }
        }
        return list;
    }

    private TextField addRow(String name, String value) {
        int index = fields.size();
        TextField nameField = new TextField(name);
        nameField.setId("group-attribute-name-" + index);
        nameField.setPromptText(Texts.get("groups.attribute.namePrompt"));
        nameField.setPrefColumnCount(14);
        TextField valueField = new TextField(value);
        valueField.setId("group-attribute-value-" + index);
        valueField.setPromptText(Texts.get("groups.attribute.valuePrompt"));
        valueField.setPrefColumnCount(22);
        Button remove = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        remove.setId("group-attribute-remove-" + index);
        remove.getStyleClass().addAll("button-icon", "flat");
        remove.setTooltip(new Tooltip(Texts.get("groups.attribute.remove")));
        remove.setAccessibleText(Texts.get("groups.attribute.removeAccessible", index));
        remove.setOnAction(event -> rows.getChildren().removeAll(nameField, valueField, remove));
        fields.add(new TextField[] {nameField, valueField});
        rows.addRow(index + 1, nameField, valueField, remove);
        return nameField;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("group-muted");
        return label;
    }
}
