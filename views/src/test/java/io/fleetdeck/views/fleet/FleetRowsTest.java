package io.fleetdeck.views.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.api.things.ThingOverview;
import io.fleetdeck.views.fleet.FleetUpdate.RowChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filtering, sorting and live changes of the Fleet table's rows, off the JavaFX thread. */
class FleetRowsTest {

    private final FleetRows rows = new FleetRows();

    @Test
    void namesSortAsPeopleReadThemWithNumbersByValue() {
        FleetUpdate update = rows.load(List.of(row("pump-10"), row("Pump-9"), row("pump-2"), row("valve-1")));

        assertThat(names(update.rows())).containsExactly("pump-2", "Pump-9", "pump-10", "valve-1");
        assertThat(update.total()).isEqualTo(4);
    }

    @Test
    void firmwareSortsByVersionNumberAndThingsWithoutOneComeLastEitherWay() {
        rows.load(
                List.of(firmware("a", "1.10.0"), firmware("b", "1.9.2"), firmware("c", null), firmware("d", "2.0.0")));

        FleetUpdate up = rows.query(new TableQuery("", new FleetOrder(ThingColumn.FIRMWARE, true)), 1);
        FleetUpdate down = rows.query(new TableQuery("", new FleetOrder(ThingColumn.FIRMWARE, false)), 2);

        assertThat(names(up.rows())).containsExactly("b", "a", "d", "c");
        assertThat(names(down.rows())).containsExactly("d", "a", "b", "c");
        assertThat(down.answered()).isEqualTo(2);
    }

    @Test
    void lastSeenSortsNewestFirstDescendingWithNeverSeenThingsLast() {
        rows.load(List.of(seen("old", 100), seen("never", -1), seen("new", 300), seen("mid", 200)));

        FleetUpdate update = rows.query(new TableQuery("", new FleetOrder(ThingColumn.LAST_SEEN, false)), 1);

        assertThat(names(update.rows())).containsExactly("new", "mid", "old", "never");
    }

    @Test
    void shadowSortsThingsInSyncBeforeThoseWaitingAndWithoutShadowLast() {
        rows.load(List.of(
                shadow("none", 0, 0), shadow("waiting-2", 5, 2), shadow("synced", 9, 0), shadow("waiting-1", 3, 1)));

        FleetUpdate update = rows.query(new TableQuery("", new FleetOrder(ThingColumn.SHADOW, true)), 1);

        assertThat(names(update.rows())).containsExactly("synced", "waiting-1", "waiting-2", "none");
    }

    @Test
    void theFilterMatchesNameTypeGroupsAndFirmwareCaseAside() {
        rows.load(List.of(
                new ThingOverview("pump-1", "FlowMeter", List.of("east-quay"), true, null, 1, 0, "1.4.2"),
                new ThingOverview("valve-2", null, List.of("North-Harbour-b2"), true, null, 1, 0, null),
                new ThingOverview("gate-3", "gateway", List.of(), true, null, 1, 0, "2.0.0-RC1"),
                new ThingOverview("door-4", "contact", List.of(), true, null, 1, 0, null)));

        assertThat(names(rows.query(new TableQuery("flowmeter", FleetOrder.BY_NAME), 1)
                        .rows()))
                .containsExactly("pump-1");
        assertThat(names(rows.query(new TableQuery("harbour", FleetOrder.BY_NAME), 2)
                        .rows()))
                .containsExactly("valve-2");
        assertThat(names(
                        rows.query(new TableQuery("rc1", FleetOrder.BY_NAME), 3).rows()))
                .containsExactly("gate-3");
        assertThat(names(rows.query(new TableQuery("  DOOR ", FleetOrder.BY_NAME), 4)
                        .rows()))
                .containsExactly("door-4");
        FleetUpdate none = rows.query(new TableQuery("pressure", FleetOrder.BY_NAME), 5);
        assertThat(none.rows()).isEmpty();
        assertThat(none.total()).isEqualTo(4);
    }

    @Test
    void aThingThatChangesInPlaceIsOneRowSetWhereItIs() {
        rows.load(List.of(row("a"), row("b"), row("c")));
        ThingOverview changed = new ThingOverview("b", "gateway", List.of(), false, null, 7, 2, "1.0");

        FleetUpdate update = rows.changed(List.of("b"), List.of(changed));

        assertThat(update.replacesAll()).isFalse();
        assertThat(update.changes()).containsExactly(RowChange.set(1, changed));
        assertThat(rows.shown()).containsExactly(row("a"), changed, row("c"));
    }

    @Test
    void aThingWhoseSortKeyChangedMovesToItsNewPlace() {
        rows.load(List.of(seen("a", 100), seen("b", 200), seen("c", 300)));
        rows.query(new TableQuery("", new FleetOrder(ThingColumn.LAST_SEEN, false)), 1);
        ThingOverview reconnected = seen("a", 400);

        FleetUpdate update = rows.changed(List.of("a"), List.of(reconnected));

        assertThat(update.changes()).containsExactly(RowChange.remove(2), RowChange.insert(0, reconnected));
        assertThat(names(rows.shown())).containsExactly("a", "c", "b");
    }

    @Test
    void createdAndDeletedThingsAreInsertedAndRemovedAndCounted() {
        rows.load(List.of(row("a"), row("c")));

        FleetUpdate update = rows.changed(List.of("b", "c"), List.of(row("b")));

        assertThat(update.changes()).containsExactly(RowChange.insert(1, row("b")), RowChange.remove(2));
        assertThat(names(rows.shown())).containsExactly("a", "b");
        assertThat(update.total()).isEqualTo(2);
    }

    @Test
    void aChangeToAThingTheFilterHidesLeavesTheTableAlone() {
        rows.load(List.of(row("pump-1"), row("valve-1")));
        rows.query(new TableQuery("pump", FleetOrder.BY_NAME), 1);

        assertThat(rows.changed(List.of("valve-1"), List.of(seen("valve-1", 5))))
                .isNull();
        FleetUpdate entering = rows.changed(List.of("pump-2"), List.of(row("pump-2")));
        assertThat(entering.changes()).containsExactly(RowChange.insert(1, row("pump-2")));
    }

    @Test
    void manyChangesAtOnceBecomeOneNewList() {
        List<ThingOverview> all = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            all.add(seen("thing-" + i, i));
        }
        rows.load(all);
        rows.query(new TableQuery("", new FleetOrder(ThingColumn.LAST_SEEN, true)), 1);
        List<String> names = new ArrayList<>();
        List<ThingOverview> now = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            names.add("thing-" + i);
            now.add(seen("thing-" + i, 5_000 - i));
        }

        FleetUpdate update = rows.changed(names, now);

        assertThat(update.replacesAll()).isTrue();
        assertThat(update.rows()).hasSize(1_000);
        assertThat(update.rows().getLast().name()).isEqualTo("thing-0");
    }

    static ThingOverview row(String name) {
        return new ThingOverview(name, null, List.of(), true, null, 0, 0, null);
    }

    private static ThingOverview firmware(String name, String version) {
        return new ThingOverview(name, null, List.of(), true, null, 0, 0, version);
    }

    private static ThingOverview seen(String name, long epochSecond) {
        return new ThingOverview(
                name, null, List.of(), true, epochSecond < 0 ? null : Instant.ofEpochSecond(epochSecond), 0, 0, null);
    }

    private static ThingOverview shadow(String name, long version, int pending) {
        return new ThingOverview(name, null, List.of(), true, null, version, pending, null);
    }

    static List<String> names(List<ThingOverview> rows) {
        return rows.stream().map(ThingOverview::name).toList();
    }
}
