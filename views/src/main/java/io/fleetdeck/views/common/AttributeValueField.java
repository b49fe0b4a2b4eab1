package io.fleetdeck.views.common;

import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * An attribute's value in a property sheet, as a text field: the value goes to {@code item} when the user presses
 * Enter or leaves the field, never at each key (which would write the registry at each key); Escape puts the value
 * back. JavaFX thread only.
 */
public final class AttributeValueField implements PropertyEditor<String> {

    private final TextField field = new TextField();
    private final PropertySheet.Item item;

    /** @param idPrefix the field's id is the prefix and the attribute's name, so tests and readers find it */
    public AttributeValueField(PropertySheet.Item item, String idPrefix, String styleClass, String accessibleText) {
        this.item = item;
        field.setId(idPrefix + item.getName());
        field.getStyleClass().add(styleClass);
        // narrow to start with: the names keep their width, the values take the rest
        field.setPrefColumnCount(6);
        field.setAccessibleText(accessibleText);
        field.setOnAction(event -> item.setValue(field.getText()));
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                item.setValue(field.getText());
            }
        });
        field.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                showItemValue();
                event.consume();
            }
        });
    }

    /** Shows the value the item holds, dropping what was typed. */
    public void showItemValue() {
        field.setText(String.valueOf(item.getValue()));
    }

    @Override
    public Node getEditor() {
        return field;
    }

    @Override
    public String getValue() {
        return field.getText();
    }

    @Override
    public void setValue(String value) {
        field.setText(value == null ? "" : value);
    }
}
