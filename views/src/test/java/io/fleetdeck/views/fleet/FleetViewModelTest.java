package io.fleetdeck.views.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.api.things.ThingOverview;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The Fleet view's state without a screen: the feed is played by a FleetRows answering on the calling thread. */
class FleetViewModelTest {

    private final List<TableQuery> asked = new ArrayList<>();
    private final FleetRows rows = new FleetRows();
    private final FleetViewModel model =
            new FleetViewModel((query, number) -> asked.add(query), Clock.fixed(FakeFleet.NOW, ZoneOffset.UTC));

    @Test
    void theCountSaysHowManyThingsShowOfHowMany() {
        assertThat(model.countText().get()).isEqualTo("Reading the fleet\u2026");

        model.apply(rows.load(fleet(100_000)));
        assertThat(model.countText().get()).isEqualTo("100,000 things");

        model.filterProperty().set("east-quay");
        model.apply(rows.query(asked.getLast(), 1));
        assertThat(model.things()).hasSize(33_333).allMatch(row -> row.name().startsWith("east-quay"));
        assertThat(model.countText().get()).isEqualTo("33,333 of 100,000 things");
    }

    @Test
    void aNewFilterOrOrderIsWorkingUntilTheFeedAnswersTheLatest() {
        model.apply(rows.load(fleet(10)));

        model.filterProperty().set("north");
        model.orderBy(ThingColumn.LAST_SEEN, false);
        model.orderBy(ThingColumn.LAST_SEEN, false);

        assertThat(asked)
                .containsExactly(
                        new TableQuery("north", FleetOrder.BY_NAME),
                        new TableQuery("north", new FleetOrder(ThingColumn.LAST_SEEN, false)));
        assertThat(model.workingProperty().get()).isTrue();
        model.apply(rows.query(asked.getFirst(), 1));
        assertThat(model.workingProperty().get())
                .as("the second query is still out")
                .isTrue();
        model.apply(rows.query(asked.getLast(), 2));
        assertThat(model.workingProperty().get()).isFalse();
        assertThat(model.answeredProperty().get()).isEqualTo(2);
    }

    @Test
    void liveChangesPatchTheListRowByRowInsteadOfReplacingIt() {
        model.apply(rows.load(fleet(1_000)));
        List<ListChangeListener.Change<? extends ThingOverview>> seen = new ArrayList<>();
        model.things().addListener((ListChangeListener<ThingOverview>) change -> seen.add(change));
        ThingOverview before = model.things().get(10);
        ThingOverview after = new ThingOverview(
                before.name(), before.thingType(), before.groups(), false, FakeFleet.NOW, 99, 3, "2.1.0");

        model.apply(rows.changed(List.of(before.name()), List.of(after)));

        assertThat(model.things().get(10)).isEqualTo(after);
        assertThat(model.things()).hasSize(1_000);
        assertThat(seen).hasSize(1);
    }

    @Test
    void aFleetThatCannotBeReadSaysWhyAndIsNotEmpty() {
        model.apply(FleetUpdate.failed("the store is locked", 0));

        assertThat(model.problemProperty().get()).isEqualTo("the store is locked");
        assertThat(model.loadedProperty().get()).isFalse();

        model.apply(rows.load(List.of()));
        assertThat(model.problemProperty().get()).isNull();
        assertThat(model.countText().get()).isEqualTo("0 things");
    }

    static List<ThingOverview> fleet(int count) {
        List<ThingOverview> fleet = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            fleet.add(FakeFleet.thing(i));
        }
        return fleet;
    }
}
