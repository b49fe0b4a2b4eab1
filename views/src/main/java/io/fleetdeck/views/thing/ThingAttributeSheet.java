package io.fleetdeck.views.thing;

import atlantafx.base.theme.Styles;
import io.fleetdeck.api.things.ThingDetail;
import io.fleetdeck.views.common.AttributeValueField;
import io.fleetdeck.views.common.EmptyState;
import io.fleetdeck.views.common.Notice;
import io.fleetdeck.views.common.PropertySheets;
import io.fleetdeck.views.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.PropertySheet;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The thing's registry attributes as a ControlsFX {@link PropertySheet}, each value edited in place and sent with
 * UpdateThing when the user presses Enter or leaves the field (Escape puts it back; an empty value removes the
 * attribute), with Add… and Remove… under it. Built again only when the attributes read differ, so an edit in
 * progress survives a re-read of the shadow. JavaFX thread only.
 */
final class ThingAttributeSheet {

    private final ThingViewModel model;
    private final Supplier<@Nullable Window> window;
    private final PropertySheet sheet = new PropertySheet();
    private final Node empty = EmptyState.line(Texts.get("thing.summary.noAttributes"));
    private final VBox root;
    private Map<String, String> shown = Map.of();
    private final List<AttributeValueField> editors = new ArrayList<>();

    ThingAttributeSheet(ThingViewModel model, Supplier<@Nullable Window> window) {
        this.model = Objects.requireNonNull(model, "model");
        this.window = Objects.requireNonNull(window, "window");
        sheet.setId("thing-attribute-sheet");
        sheet.getStyleClass().add("thing-attribute-sheet");
        sheet.setMode(PropertySheet.Mode.NAME);
        PropertySheets.withoutToolbar(sheet);
        // Tab goes straight to the value fields: the sheet itself has nothing to do with the keys
        sheet.setFocusTraversable(false);
        sheet.setPropertyEditorFactory(item -> {
            AttributeValueField editor = new AttributeValueField(
                    item,
                    "thing-attribute-",
                    "thing-attribute-value",
                    Texts.get("thing.attribute.valueAccessible", item.getName()));
            editors.add(editor);
            return editor;
        });
        sheet.setAccessibleText(Texts.get("thing.attribute.sheet"));
        sheet.managedProperty().bind(sheet.visibleProperty());
        empty.managedProperty().bind(empty.visibleProperty());
        root = new VBox(6, sheet, empty, actions());
        model.detailProperty().subscribe(this::show);
        // a value the registry refused goes back to the value it has, even in the field it was typed in
        model.attributesBusyProperty().subscribe(busy -> {
            Notice outcome = model.noticeProperty().get();
            if (!busy && outcome != null && outcome.kind() == Notice.Kind.ERROR) {
                editors.forEach(AttributeValueField::showItemValue);
            }
        });
    }

    Node node() {
        return root;
    }

    private Node actions() {
        Button add = new Button(Texts.get("thing.attribute.add"), new FontIcon(MaterialDesignP.PLUS));
        add.setId("thing-attribute-add");
        add.setTooltip(new Tooltip(Texts.get("thing.attribute.addTooltip")));
        add.setOnAction(event -> ThingAttributeDialogs.add(window.get(), model.thingName())
                .ifPresent(pair -> model.addAttribute(pair.getKey(), pair.getValue())));
        Button remove = new Button(Texts.get("thing.attribute.remove"), new FontIcon(MaterialDesignM.MINUS));
        remove.setId("thing-attribute-remove");
        remove.setTooltip(new Tooltip(Texts.get("thing.attribute.removeTooltip")));
        remove.setOnAction(event -> Optional.ofNullable(model.detailProperty().get())
                .flatMap(thing -> ThingAttributeDialogs.remove(
                        window.get(),
                        thing.name(),
                        List.copyOf(thing.attributes().keySet())))
                .ifPresent(model::removeAttribute));
        for (Button button : List.of(add, remove)) {
            button.getStyleClass().add(Styles.SMALL);
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.disableProperty().bind(model.detailProperty().isNull().or(model.attributesBusyProperty()));
        }
        HBox actions = new HBox(6, add, remove);
        actions.setAlignment(Pos.CENTER_LEFT);
        return actions;
    }

    private void show(@Nullable ThingDetail thing) {
        Map<String, String> attributes = thing == null ? Map.of() : thing.attributes();
        sheet.setVisible(!attributes.isEmpty());
        empty.setVisible(attributes.isEmpty());
        if (attributes.equals(shown)) {
            return;
        }
        shown = attributes;
        editors.clear();
        sheet.getItems()
                .setAll(attributes.entrySet().stream()
                        .map(entry -> (PropertySheet.Item) new Attribute(entry.getKey(), entry.getValue()))
                        .toList());
    }

    /** One registry attribute: its name and value as read; a committed value goes to the view model. */
    private final class Attribute implements PropertySheet.Item {

        private final String name;
        private final String value;

        Attribute(String name, String value) {
            this.name = name;
            this.value = value;
        }

        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return Texts.get("thing.summary.attributes");
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getDescription() {
            return Texts.get("thing.attribute.tooltip");
        }

        @Override
        public Object getValue() {
            return value;
        }

        @Override
        public void setValue(Object typed) {
            String text = typed == null ? "" : typed.toString();
            if (!text.equals(value)) {
                model.setAttribute(name, text);
            }
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }
    }
}
