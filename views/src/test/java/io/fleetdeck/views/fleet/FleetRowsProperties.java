package io.fleetdeck.views.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the live changes, the table that applies them row by row ends up where filtering and sorting the whole
 * fleet from scratch would put it, for every column and direction.
 */
class FleetRowsProperties {

    @Property(tries = 300)
    void rowChangesLeaveTheTableAsAFreshQueryWould(
            @ForAll("fleets") List<ThingRow> fleet,
            @ForAll("orders") FleetOrder order,
            @ForAll("filters") String filter,
            @ForAll("batches") List<List<ThingRow>> batches,
            @ForAll("deletions") List<Integer> deletions) {
        FleetRows rows = new FleetRows();
        rows.load(fleet);
        FleetQuery query = new FleetQuery(filter, order);
        List<ThingRow> table = new ArrayList<>(rows.query(query, 1).rows());
        Map<String, ThingRow> truth = new HashMap<>();
        fleet.forEach(row -> truth.put(row.name(), row));

        for (int b = 0; b < batches.size(); b++) {
            List<ThingRow> batch = batches.get(b);
            List<String> names =
                    new ArrayList<>(batch.stream().map(ThingRow::name).toList());
            batch.forEach(row -> truth.put(row.name(), row));
            int deleted = deletions.get(b % deletions.size());
            String gone = "thing-" + deleted;
            if (truth.remove(gone) != null || deleted % 2 == 0) {
                names.add(gone);
            }
            List<ThingRow> now = names.stream()
                    .filter(truth::containsKey)
                    .map(truth::get)
                    .distinct()
                    .toList();

            FleetUpdate update = rows.changed(names, now);

            if (update != null && update.replacesAll()) {
                table = new ArrayList<>(update.rows());
            } else if (update != null) {
                for (FleetUpdate.RowChange change : update.changes()) {
                    change.applyTo(table);
                }
            }
        }

        FleetRows fresh = new FleetRows();
        fresh.load(List.copyOf(truth.values()));
        assertThat(table).isEqualTo(fresh.query(query, 1).rows());
    }

    @Provide
    Arbitrary<List<ThingRow>> fleets() {
        return things().list().ofMaxSize(60).uniqueElements(ThingRow::name);
    }

    @Provide
    Arbitrary<List<List<ThingRow>>> batches() {
        return things().list()
                .ofMaxSize(8)
                .uniqueElements(ThingRow::name)
                .list()
                .ofMinSize(1)
                .ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Integer>> deletions() {
        return Arbitraries.integers().between(0, 80).list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<FleetOrder> orders() {
        return Combinators.combine(Arbitraries.of(ThingColumn.class), Arbitraries.of(true, false))
                .as(FleetOrder::new);
    }

    @Provide
    Arbitrary<String> filters() {
        return Arbitraries.of("", "", "1", "gate", "B", "1.1", "zone-2");
    }

    private static Arbitrary<ThingRow> things() {
        Arbitrary<String> names = Arbitraries.integers().between(0, 80).map(i -> "thing-" + i);
        Arbitrary<String> types = Arbitraries.of("gateway", "sensor", "Beacon").injectNull(0.3);
        Arbitrary<List<String>> groups = Arbitraries.of("zone-1", "zone-2", "Zone-10")
                .list()
                .ofMaxSize(2)
                .uniqueElements();
        Arbitrary<Instant> seen =
                Arbitraries.longs().between(0, 50).map(Instant::ofEpochSecond).injectNull(0.2);
        Arbitrary<Long> versions = Arbitraries.longs().between(0, 4);
        Arbitrary<Integer> pending = Arbitraries.integers().between(0, 2);
        Arbitrary<String> firmware = Arbitraries.of("1.9", "1.10", "2.0-b").injectNull(0.3);
        return Combinators.combine(names, types, groups, Arbitraries.of(true, false), seen, versions, pending, firmware)
                .as(ThingRow::new);
    }
}
