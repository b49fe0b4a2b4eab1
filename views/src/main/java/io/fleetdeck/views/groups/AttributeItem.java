package io.fleetdeck.views.groups;

import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.groups.GroupHierarchy.Entry;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/**
 * One attribute as a row of the group's property sheet: the group's own, whose value is edited in place, or an
 * ancestor's, shown for reference (AWS does not inherit attributes). Immutable; a new sheet is built when the group
 * changes.
 */
final class AttributeItem implements PropertySheet.Item {

    private final Entry entry;
    private final BiConsumer<String, String> change;

    /** {@code change} takes the attribute's name and its new value when the user commits one. */
    AttributeItem(Entry entry, BiConsumer<String, String> change) {
        this.entry = Objects.requireNonNull(entry, "entry");
        this.change = Objects.requireNonNull(change, "change");
    }

    Entry entry() {
        return entry;
    }

    boolean own() {
        return !entry.inherited();
    }

    @Override
    public Class<?> getType() {
        return String.class;
    }

    @Override
    public String getCategory() {
        return own() ? Texts.get("groups.attribute.own") : Texts.get("groups.attribute.from", entry.from());
    }

    @Override
    public String getName() {
        return entry.name();
    }

    @Override
    public String getDescription() {
        if (own()) {
            return Texts.get("groups.attribute.ownTooltip");
        }
        return entry.overridden()
                ? Texts.get("groups.from.overridden", entry.from())
                : Texts.get("groups.from.ancestor", entry.from());
    }

    @Override
    public Object getValue() {
        return entry.value() == null ? "" : entry.value();
    }

    /** A committed edit of the group's own attribute; an ancestor's is not changed from here. */
    @Override
    public void setValue(Object value) {
        String text = value == null ? "" : value.toString();
        if (own() && !text.equals(getValue())) {
            change.accept(entry.name(), text);
        }
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.empty();
    }

    /**
     * True for an ancestor's too: the sheet disables the editor of a row that is not editable, and a disabled row
     * shows no tooltip and takes no focus; that row's editor is read-only instead.
     */
    @Override
    public boolean isEditable() {
        return true;
    }
}
