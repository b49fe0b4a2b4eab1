package io.fleetdeck.views.thingtypes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.api.things.ThingTypeDescription;
import io.fleetdeck.views.common.ViewTasks;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Thing types made, listed and deprecated from the console, with the registry's refusals in its words. */
class ThingTypesViewModelTest {

    private final FakeThingTypes registry = new FakeThingTypes();
    private final ThingTypesViewModel model = new ThingTypesViewModel(registry, ViewTasks.callingThread());
    private Locale before;

    @BeforeEach
    void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void aTypeIsMadeWithItsSearchableAttributesAndListedByName() {
        model.create(" pump ", "Centrifugal pumps", "model, serial site");
        model.create("flow-meter", "", "");

        assertThat(model.rows()).extracting(ThingTypeDescription::thingTypeName).containsExactly("flow-meter", "pump");
        ThingTypeDescription pump = model.rows().get(1);
        assertThat(pump.searchableAttributes()).containsExactly("model", "serial", "site");
        assertThat(pump.description()).isEqualTo("Centrifugal pumps");
        assertThat(model.rows().getFirst().description())
                .as("an empty description is none")
                .isNull();
        assertThat(model.outcomeProperty().get()).isEqualTo("Thing type flow-meter made.");
        assertThat(model.refusedProperty().get()).isFalse();
    }

    @Test
    void aRefusalIsShownInTheRegistrysWordsAndNothingChanges() {
        model.create("pump", "", "");
        model.create("pump", "again", "");

        assertThat(model.outcomeProperty().get()).isEqualTo("thing type pump already exists");
        assertThat(model.refusedProperty().get()).isTrue();
        assertThat(registry.names()).containsExactly("pump");

        model.create("valve", "", "a b c d");
        assertThat(model.outcomeProperty().get()).isEqualTo("a thing type has at most 3 searchable attributes");
        assertThat(registry.names()).containsExactly("pump");
    }

    @Test
    void deprecatingAndUndoingIsOneToggle() {
        model.create("pump", "", "");
        model.toggleDeprecation(model.rows().getFirst());

        assertThat(model.rows().getFirst().deprecated()).isTrue();
        assertThat(model.outcomeProperty().get())
                .isEqualTo("Thing type pump deprecated: no new thing may take it, the things that have it keep it.");

        model.toggleDeprecation(model.rows().getFirst());
        assertThat(model.rows().getFirst().deprecated()).isFalse();
        assertThat(model.outcomeProperty().get()).isEqualTo("New things may take thing type pump again.");
    }
}
