package io.fleetdeck.views.thingtypes;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.page.PageReader;
import io.fleetdeck.api.things.NewThingType;
import io.fleetdeck.api.things.ThingTypeDescription;
import io.fleetdeck.api.things.ThingTypeService;
import io.fleetdeck.views.common.Refusals;
import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.common.ViewTasks;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The thing types as the console shows them, sorted by name, and what an operator does with them: make one (the
 * README's {@code thingTypeName:pump} needs a type named pump), deprecate one so no new thing takes it, or undo that.
 * The registry's refusals are shown in its words.
 */
public final class ThingTypesViewModel {

    private final ThingTypeService types;
    private final ViewTasks tasks;
    private final ObservableList<ThingTypeDescription> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();

    public ThingTypesViewModel(ThingTypeService types, ViewTasks tasks) {
        this.types = Objects.requireNonNull(types, "types");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /** Reads every type again; the console calls it at start and when the registry reports a type changed. */
    public void reload() {
        tasks.background().execute(() -> {
            try {
                List<ThingTypeDescription> read = PageReader.readAll(types::listThingTypes);
                tasks.fxThread().execute(() -> {
                    rows.setAll(read);
                    loaded.set(true);
                });
            } catch (FleetApiException | RuntimeException e) {
                tasks.fxThread().execute(() -> said(true, Texts.get("thingTypes.unreadable", why(e))));
            }
        });
    }

    /**
     * Makes a type; {@code searchableAttributes} is as typed, names split at commas or spaces (AWS allows three).
     */
    public void create(String name, String description, String searchableAttributes) {
        List<String> searchable = Arrays.stream(searchableAttributes.split("[,\\s]+"))
                .filter(attribute -> !attribute.isBlank())
                .toList();
        NewThingType wanted =
                new NewThingType(name.strip(), description.isBlank() ? null : description.strip(), searchable);
        act(() -> types.createThingType(wanted), made -> Texts.get("thingTypes.created", made.thingTypeName()));
    }

    /** Deprecates an active type, or lets new things take a deprecated one again. */
    public void toggleDeprecation(ThingTypeDescription type) {
        boolean undo = type.deprecated();
        act(
                () -> types.deprecateThingType(type.thingTypeName(), undo),
                changed ->
                        Texts.get(undo ? "thingTypes.undeprecated" : "thingTypes.deprecated", changed.thingTypeName()));
    }

    private void act(TypeAction action, Function<ThingTypeDescription, String> done) {
        tasks.background().execute(() -> {
            try {
                ThingTypeDescription changed = action.run();
                tasks.fxThread().execute(() -> said(false, done.apply(changed)));
                reload();
            } catch (FleetApiException | RuntimeException e) {
                tasks.fxThread().execute(() -> said(true, why(e)));
            }
        });
    }

    private void said(boolean refusal, String text) {
        refused.set(refusal);
        outcome.set(text);
    }

    public ObservableList<ThingTypeDescription> rows() {
        return rows;
    }

    /** What the last action did, or why it was refused; empty before the first. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    private static String why(Exception failure) {
        return failure instanceof FleetApiException refusal
                ? Refusals.text(refusal)
                : String.valueOf(failure.getMessage());
    }

    @FunctionalInterface
    private interface TypeAction {
        ThingTypeDescription run() throws FleetApiException;
    }
}
