package io.fleetdeck.views.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.fleetdeck.api.things.ThingOverview;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Whatever the live changes, the table that applies them row by row ends up where filtering and sorting the whole
 * fleet from scratch would put it, for every column and direction.
 */
class FleetRowsPropertiesTest {

    record Changes(List<List<ThingOverview>> batches, List<Integer> deletions) {}

    @Test
    void rowChangesLeaveTheTableAsAFreshQueryWould() {
        var tablesWithRows = new AtomicInteger();
        qt().withExamples(300)
                .forAll(fleets(), orders(), filters(), changes())
                .checkAssert((fleet, order, filter, changes) -> {
                    if (!rowChangesLeaveTheTableAsAFreshQueryWould(
                                    fleet, order, filter, changes.batches(), changes.deletions())
                            .isEmpty()) {
                        tablesWithRows.incrementAndGet();
                    }
                });
        // two empty tables are always equal: most tries must end with rows to compare
        assertThat(tablesWithRows).hasValueGreaterThan(150);
    }

    /** The table after the changes, checked against a fresh query. */
    private static List<ThingOverview> rowChangesLeaveTheTableAsAFreshQueryWould(
            List<ThingOverview> fleet,
            FleetOrder order,
            String filter,
            List<List<ThingOverview>> batches,
            List<Integer> deletions) {
        FleetRows rows = new FleetRows();
        rows.load(fleet);
        TableQuery query = new TableQuery(filter, order);
        List<ThingOverview> table = new ArrayList<>(rows.query(query, 1).rows());
        Map<String, ThingOverview> truth = new HashMap<>();
        fleet.forEach(row -> truth.put(row.name(), row));

        for (int b = 0; b < batches.size(); b++) {
            List<ThingOverview> batch = batches.get(b);
            List<String> names =
                    new ArrayList<>(batch.stream().map(ThingOverview::name).toList());
            batch.forEach(row -> truth.put(row.name(), row));
            int deleted = deletions.get(b % deletions.size());
            String gone = "thing-" + deleted;
            if (truth.remove(gone) != null || deleted % 2 == 0) {
                names.add(gone);
            }
            List<ThingOverview> now = names.stream()
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
        assertThat(table)
                .as("rows after %d batches, ordered by %s, filtered by '%s'", batches.size(), order, filter)
                .isEqualTo(fresh.query(query, 1).rows());
        return table;
    }

    private static Gen<List<ThingOverview>> fleets() {
        return lists().of(things()).ofSizeBetween(0, 60).map(FleetRowsPropertiesTest::uniqueNames);
    }

    private static Gen<Changes> changes() {
        Gen<List<List<ThingOverview>>> batches = lists().of(
                        lists().of(things()).ofSizeBetween(0, 8).map(FleetRowsPropertiesTest::uniqueNames))
                .ofSizeBetween(1, 6);
        Gen<List<Integer>> deletions = lists().of(integers().between(0, 80)).ofSizeBetween(1, 6);
        return batches.zip(deletions, Changes::new);
    }

    private static Gen<FleetOrder> orders() {
        return Generate.enumValues(ThingColumn.class).zip(Generate.booleans(), FleetOrder::new);
    }

    private static Gen<String> filters() {
        return Generate.pick(List.of("", "", "1", "gate", "B", "1.1", "zone-2"));
    }

    private static Gen<ThingOverview> things() {
        Gen<String> names = integers().between(0, 80).map(i -> "thing-" + i);
        Gen<String> types = orNull(Generate.pick(List.of("gateway", "sensor", "Beacon")), 30);
        Gen<List<String>> groups = lists().of(Generate.pick(List.of("zone-1", "zone-2", "Zone-10")))
                .ofSizeBetween(0, 2)
                .map(list -> list.stream().distinct().toList());
        Gen<Boolean> connected = Generate.booleans();
        Gen<Instant> seen = orNull(longs().between(0, 50).map((Long seconds) -> Instant.ofEpochSecond(seconds)), 20);
        Gen<Long> versions = longs().between(0, 4);
        Gen<Integer> pending = integers().between(0, 2);
        Gen<String> firmware = orNull(Generate.pick(List.of("1.9", "1.10", "2.0-b")), 30);
        return in -> new ThingOverview(
                names.generate(in),
                types.generate(in),
                groups.generate(in),
                connected.generate(in),
                seen.generate(in),
                versions.generate(in),
                pending.generate(in),
                firmware.generate(in));
    }

    private static <T> Gen<T> orNull(Gen<T> values, int percentNull) {
        Gen<Integer> percent = integers().between(0, 99);
        return in -> percent.generate(in) < percentNull ? null : values.generate(in);
    }

    private static List<ThingOverview> uniqueNames(List<ThingOverview> rows) {
        Map<String, ThingOverview> byName = new LinkedHashMap<>();
        rows.forEach(row -> byName.putIfAbsent(row.name(), row));
        return List.copyOf(byName.values());
    }
}
