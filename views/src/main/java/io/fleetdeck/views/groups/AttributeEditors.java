package io.fleetdeck.views.groups;

import io.fleetdeck.views.common.AttributeValueField;
import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.groups.GroupHierarchy.Entry;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * The editors of a group's property sheet: a text field for the group's own attribute that sends its value when the
 * user presses Enter or leaves the field (never at each key, which would write the registry at each key), Escape
 * putting the value back; and for an ancestor's attribute its value and where it comes from, read-only. JavaFX
 * thread only.
 */
final class AttributeEditors {

    private AttributeEditors() {}

    static PropertyEditor<?> of(PropertySheet.Item item) {
        AttributeItem attribute = (AttributeItem) item;
        return attribute.own()
                ? new AttributeValueField(
                        attribute,
                        "group-attribute-",
                        "group-attribute-value",
                        Texts.get("groups.attribute.valueAccessible", attribute.getName()))
                : new AncestorValue(attribute.entry());
    }

    /** An ancestor's attribute: its value and the group it is set on, struck through where a nearer group sets it. */
    private static final class AncestorValue implements PropertyEditor<String> {

        private final Label value = new Label();
        private final HBox box;

        AncestorValue(Entry entry) {
            value.getStyleClass().add(entry.overridden() ? "group-overridden" : "group-inherited");
            value.setMinWidth(0);
            Label from = new Label(Texts.get("groups.attribute.from", entry.from()));
            from.getStyleClass().addAll("group-muted", "group-attribute-from");
            from.setMinWidth(Region.USE_PREF_SIZE);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            box = new HBox(8, value, gap, from);
            box.setId("group-attribute-" + entry.from() + "-" + entry.name());
            box.getStyleClass().add("group-attribute-ancestor");
            box.setAlignment(Pos.CENTER_LEFT);
            String where = entry.overridden()
                    ? Texts.get("groups.from.overridden", entry.from())
                    : Texts.get("groups.from.ancestor", entry.from());
            Tooltip.install(box, new Tooltip(where));
            box.setAccessibleText(Texts.get(
                    "groups.attribute.ancestorAccessible", entry.name(), String.valueOf(entry.value()), where));
        }

        @Override
        public Node getEditor() {
            return box;
        }

        @Override
        public String getValue() {
            return value.getText();
        }

        @Override
        public void setValue(String text) {
            value.setText(text == null ? "" : text);
        }
    }
}
