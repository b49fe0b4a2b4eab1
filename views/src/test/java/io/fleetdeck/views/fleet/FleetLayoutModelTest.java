package io.fleetdeck.views.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.views.settings.ConsoleMemory;
import io.fleetdeck.views.settings.ConsoleSettings;
import io.fleetdeck.views.settings.FleetLayout;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Fleet section's layout as plain Java: the Aggregations panel and the hidden columns, kept across starts. */
class FleetLayoutModelTest {

    private final FakeFleet fleet = FakeFleet.withThings(20);
    private final List<ConsoleSettings> saved = new ArrayList<>();
    private final ConsoleMemory memory = new ConsoleMemory(ConsoleSettings.defaults(), saved::add);

    private FleetAggregationModel aggregations() {
        FleetViewModel table = new FleetViewModel((query, number) -> {}, Clock.fixed(FakeFleet.NOW, ZoneOffset.UTC));
        return new FleetAggregationModel(new FakeSearch(fleet), table, Runnable::run, Runnable::run);
    }

    @Test
    void thePanelsStateAndWidthAndTheHiddenColumnsComeBackAtTheNextStart() {
        FleetAggregationModel panel = aggregations();
        FleetLayoutModel layout = new FleetLayoutModel(memory, panel);
        assertThat(panel.openProperty().get()).as("open at first start").isTrue();

        layout.dragAggregations(390);
        layout.dragAggregations(420);
        assertThat(saved).as("nothing written while the divider moves").isEmpty();
        layout.aggregationsResized();
        panel.openProperty().set(false);
        layout.showColumn(ThingColumn.SHADOW, false);
        layout.showColumn(ThingColumn.GROUPS, false);
        layout.showColumn(ThingColumn.GROUPS, true);
        layout.showColumn(ThingColumn.NAME, false);

        assertThat(saved.getLast().fleetLayout()).isEqualTo(new FleetLayout(false, 420, List.of("SHADOW")));

        FleetAggregationModel nextPanel = aggregations();
        FleetLayoutModel next = new FleetLayoutModel(new ConsoleMemory(saved.getLast(), settings -> {}), nextPanel);
        assertThat(nextPanel.openProperty().get()).isFalse();
        assertThat(next.aggregationsWidthProperty().get()).isEqualTo(420);
        assertThat(next.hiddenColumns()).containsExactly(ThingColumn.SHADOW);
    }

    @Test
    void thePanelKeepsToItsNarrowestAndWidest() {
        FleetLayoutModel layout = new FleetLayoutModel(memory, aggregations());
        layout.dragAggregations(40);
        assertThat(layout.aggregationsWidthProperty().get()).isEqualTo(FleetLayout.MIN_WIDTH);
        layout.dragAggregations(5_000);
        assertThat(layout.aggregationsWidthProperty().get()).isEqualTo(FleetLayout.MAX_WIDTH);
    }
}
