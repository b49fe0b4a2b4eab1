package io.fleetdeck.views.groups;

import atlantafx.base.theme.Styles;
import io.fleetdeck.api.groups.ThingGroupSummary;
import io.fleetdeck.views.common.EmptyState;
import io.fleetdeck.views.common.PropertySheets;
import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.groups.GroupHierarchy.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.controlsfx.control.PropertySheet;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The selected group's attributes as a ControlsFX {@link PropertySheet}: its own first, edited in place (Enter sends
 * the value to the registry, an empty value removes the attribute), then its ancestors' for reference; Add… and
 * Remove… beside it. The sheet is built again only when the attributes change, so an edit in progress survives the
 * registry's unrelated news. JavaFX thread only.
 */
final class GroupAttributeSheet {

    private static final double ROW_HEIGHT = 36;

    private final GroupsViewModel model;
    private final Supplier<@Nullable Window> window;
    private final PropertySheet sheet = new PropertySheet();
    private final StackPane root;
    private List<Entry> shown = List.of();

    GroupAttributeSheet(GroupsViewModel model, Supplier<@Nullable Window> window) {
        this.model = Objects.requireNonNull(model, "model");
        this.window = Objects.requireNonNull(window, "window");
        sheet.setId("group-attribute-sheet");
        sheet.getStyleClass().add("group-attribute-sheet");
        sheet.setMode(PropertySheet.Mode.NAME);
        PropertySheets.withoutToolbar(sheet);
        // Tab goes straight to the value fields: the sheet itself has nothing to do with the keys
        sheet.setFocusTraversable(false);
        sheet.setPropertyEditorFactory(AttributeEditors::of);
        sheet.setAccessibleText(Texts.get("groups.attributes.sheet"));
        // as high as its rows, up to six: room for the policies and members below
        sheet.prefHeightProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> ROW_HEIGHT * Math.clamp(model.attributes().size(), 1, 6) + 12, model.attributes()));
        sheet.setMinHeight(Region.USE_PREF_SIZE);
        Node empty = EmptyState.line(Texts.get("groups.attributes.empty"));
        empty.visibleProperty().bind(Bindings.isEmpty(model.attributes()));
        sheet.visibleProperty().bind(empty.visibleProperty().not());
        root = new StackPane(sheet, empty);
        root.setId("group-attributes");
        root.setAlignment(Pos.TOP_LEFT);
        model.attributes().subscribe(this::show);
    }

    Node node() {
        return root;
    }

    /** Add… asks for a name and a value; Remove… asks which of the group's own attributes goes. */
    Node actions() {
        Button add = new Button(Texts.get("groups.attribute.add"), new FontIcon(MaterialDesignP.PLUS));
        add.setId("group-attribute-add");
        add.setTooltip(new Tooltip(Texts.get("groups.attribute.addTooltip")));
        add.setOnAction(event -> {
            ThingGroupSummary group = model.selectedGroup();
            if (group != null) {
                GroupDialogs.addAttribute(window.get(), group.name())
                        .ifPresent(attribute -> model.addAttribute(attribute.name(), attribute.value()));
            }
        });
        Button remove = new Button(Texts.get("groups.attribute.remove"), new FontIcon(MaterialDesignM.MINUS));
        remove.setId("group-attribute-remove");
        remove.setTooltip(new Tooltip(Texts.get("groups.attribute.removeTooltip")));
        remove.setOnAction(event -> {
            ThingGroupSummary group = model.selectedGroup();
            if (group != null) {
                GroupDialogs.removeAttribute(
                                window.get(),
                                group.name(),
                                List.copyOf(group.attributes().keySet()))
                        .ifPresent(model::removeAttribute);
            }
        });
        for (Button button : List.of(add, remove)) {
            button.getStyleClass().add(Styles.SMALL);
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.disableProperty().bind(model.selectedProperty().isNull().or(model.busyProperty()));
        }
        HBox actions = new HBox(6, add, remove);
        actions.setAlignment(Pos.CENTER_RIGHT);
        return actions;
    }

    private void show() {
        List<Entry> entries = List.copyOf(model.attributes());
        if (entries.equals(shown)) {
            return;
        }
        shown = entries;
        List<PropertySheet.Item> items = new ArrayList<>();
        entries.forEach(entry -> items.add(new AttributeItem(entry, model::setAttribute)));
        sheet.getItems().setAll(items);
    }
}
