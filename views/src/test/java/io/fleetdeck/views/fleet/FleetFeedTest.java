package io.fleetdeck.views.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.things.FleetOverview;
import io.fleetdeck.api.things.ThingOverview;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Fleet feed with its real worker thread: reads off the calling threads, answers in order, batches changes. What
 * happens while the worker is busy is made certain by holding its first batch read, never by timing.
 */
class FleetFeedTest {

    private final FakeFleet fleet = FakeFleet.withThings(2_000);
    private final List<FleetUpdate> applied = new CopyOnWriteArrayList<>();
    /** Plays the JavaFX thread: one thread, updates in the order handed over. */
    private final Executor fxThread = Executors.newSingleThreadExecutor();

    private final GatedFleet gate = new GatedFleet(fleet);

    private final FleetFeed feed = new FleetFeed(gate, fleet.events, fxThread);

    @AfterEach
    void close() {
        gate.released.countDown();
        feed.close();
    }

    @Test
    void theFleetIsReadOnTheFeedsOwnThreadAndHandedOverWhole() {
        feed.start(applied::add);

        await().atMost(Duration.ofSeconds(5)).until(() -> !applied.isEmpty());
        assertThat(applied.getFirst().rows()).hasSize(2_000);
        assertThat(fleet.readingThreads).containsOnly("fleet-view-worker");
    }

    @Test
    void changesReportedDuringAReadAreReadOnceInTheNextBatch() throws InterruptedException {
        feed.start(applied::add);
        await().atMost(Duration.ofSeconds(5)).until(() -> !applied.isEmpty());

        // the first round starts a batch read, held until 149 more rounds about the same 20 things are reported
        reportRound(fleet);
        assertThat(gate.entered.await(5, TimeUnit.SECONDS))
                .as("a batch read started")
                .isTrue();
        for (int round = 2; round <= 150; round++) {
            reportRound(fleet);
        }
        gate.released.countDown();

        long lastVersion = FakeFleet.thing(0).shadowVersion() + 150;
        await().atMost(Duration.ofSeconds(5)).until(() -> shownVersionOfThing0() == lastVersion);
        // a change to another thing, read after everything before it: the reads in between are all there were
        fleet.change(new ThingOverview(FakeFleet.thing(100).name(), "sentinel", List.of(), true, null, 1, 0, null));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> fleet.batchReads.stream()
                        .anyMatch(batch -> batch.contains(FakeFleet.thing(100).name())));

        List<List<String>> reads = List.copyOf(fleet.batchReads);
        assertThat(reads)
                .as("batch reads: the held one, one for 2,980 reports, the sentinel")
                .hasSize(3);
        assertThat(reads).allSatisfy(batch -> assertThat(batch).isNotEmpty().doesNotHaveDuplicates());
        assertThat(reads.get(1))
                .as("every thing reported during the held read, read once")
                .containsExactlyInAnyOrderElementsOf(firstTwentyNames());
        assertThat(reads.get(2)).containsExactly(FakeFleet.thing(100).name());
        assertThat(fleet.wholeReads.get()).isEqualTo(1);
        assertThat(versionsShownOfThing0())
                .as("thing 0's versions, in the order the table got them")
                .isSorted()
                .endsWith(lastVersion);
    }

    @Test
    void aRebuiltIndexHasTheWholeFleetReadAgainOnceWithThingsGoneAndNew() {
        try (FleetFeed plain = new FleetFeed(fleet, fleet.events, fxThread)) {
            plain.start(applied::add);
            await().atMost(Duration.ofSeconds(5)).until(() -> !applied.isEmpty());
            String gone = FakeFleet.thing(7).name();
            // changed behind the table's back, as a rebuild from the store would find them
            fleet.removeQuietly(gone);
            fleet.addQuietly(new ThingOverview("pump-new", "pump", List.of(), true, null, 1, 0, null));

            fleet.events.publish(new FleetEvent.IndexRebuilt(2_000));

            await().atMost(Duration.ofSeconds(5)).until(() -> shownNames().contains("pump-new"));
            assertThat(shownNames()).doesNotContain(gone).hasSize(2_000);
            assertThat(fleet.wholeReads.get())
                    .as("read at start and once after the rebuild")
                    .isEqualTo(2);
        }
    }

    /** The names in the table after every update so far, as the JavaFX side applies them. */
    private List<String> shownNames() {
        List<ThingOverview> table = new ArrayList<>();
        for (FleetUpdate update : List.copyOf(applied)) {
            if (update.replacesAll()) {
                table = new ArrayList<>(update.rows());
            } else {
                for (FleetUpdate.RowChange change : update.changes()) {
                    change.applyTo(table);
                }
            }
        }
        return table.stream().map(ThingOverview::name).toList();
    }

    @Test
    void queriesTypedWhileTheFeedIsBusyAreAnsweredWithTheLatestOnly() throws InterruptedException {
        feed.start(applied::add);
        await().atMost(Duration.ofSeconds(5)).until(() -> !applied.isEmpty());

        reportRound(fleet); // keeps the feed's thread busy in a held read while the user types
        assertThat(gate.entered.await(5, TimeUnit.SECONDS))
                .as("a batch read started")
                .isTrue();
        for (int i = 1; i <= 30; i++) {
            feed.query(new TableQuery("north-harbour-b1-f1-temperature-0".substring(0, i), FleetOrder.BY_NAME), i);
        }
        gate.released.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> applied.getLast().answered() == 30);
        assertThat(applied.getLast().rows())
                .isNotEmpty()
                .allMatch(row -> row.name().startsWith("north-harbour-b1-f1-temperature-0"));
        assertThat(applied)
                .as("queries 1 to 29 were skipped, not answered")
                .extracting(FleetUpdate::answered)
                .containsOnly(0L, 30L);
    }

    private long shownVersionOfThing0() {
        List<Long> versions = versionsShownOfThing0();
        return versions.isEmpty() ? -1 : versions.getLast();
    }

    private List<Long> versionsShownOfThing0() {
        return applied.stream()
                .flatMap(update -> update.changes().stream())
                .filter(change -> change.row() != null
                        && change.row().name().equals(FakeFleet.thing(0).name()))
                .map(change -> change.row().shadowVersion())
                .toList();
    }

    private static List<String> firstTwentyNames() {
        return IntStream.range(0, 20).mapToObj(i -> FakeFleet.thing(i).name()).toList();
    }

    /** Holds the feed's first batch read, once read, until released, so a test knows what happens while a read is under way. */
    private static final class GatedFleet implements FleetOverview {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch released = new CountDownLatch(1);
        private final FakeFleet fleet;
        private final AtomicBoolean first = new AtomicBoolean(true);

        GatedFleet(FakeFleet fleet) {
            this.fleet = fleet;
        }

        @Override
        public List<ThingOverview> allThings() {
            return fleet.allThings();
        }

        @Override
        public List<ThingOverview> things(Collection<String> names) {
            List<ThingOverview> rows = fleet.things(names);
            if (first.getAndSet(false)) {
                entered.countDown();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return rows;
        }
    }

    @Test
    void aSearchRunsOverTheWholeFleetOnceAndThenOnlyOverTheThingsThatChanged() {
        FakeSearch search = new FakeSearch(fleet);
        try (FleetFeed searching = new FleetFeed(fleet, fleet.events, search, fxThread)) {
            searching.start(applied::add);
            searching.query(new TableQuery("", FleetOrder.BY_NAME, "connectivity.connected:true"), 1);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> applied.stream().anyMatch(update -> update.answered() == 1 && update.replacesAll()));
            int wholeFleet = search.wholeFleetSearches.get();
            ThingOverview first = fleet.get(FakeFleet.thing(0).name());
            boolean wasConnected = first.connected();

            fleet.change(new ThingOverview(
                    first.name(),
                    first.thingType(),
                    first.groups(),
                    !wasConnected,
                    first.lastSeen(),
                    first.shadowVersion() + 1,
                    first.pendingDeltaFields(),
                    first.firmwareVersion()));

            await().atMost(Duration.ofSeconds(5))
                    .alias("the changed thing joins or leaves what the table shows")
                    .until(() -> shown().contains(first.name()) != wasConnected);
            assertThat(search.searchesAmongChanged.get()).isPositive();
            assertThat(search.wholeFleetSearches.get())
                    .as("no search over the whole fleet for a batch of changes")
                    .isEqualTo(wholeFleet);
        }
    }

    /** The names the table shows after every update handed over so far, as the table applies them. */
    private List<String> shown() {
        List<ThingOverview> table = new ArrayList<>();
        for (FleetUpdate update : applied) {
            if (update.replacesAll()) {
                table = new ArrayList<>(update.rows());
            } else {
                List<ThingOverview> rows = table;
                update.changes().forEach(change -> change.applyTo(rows));
            }
        }
        return table.stream().map(ThingOverview::name).toList();
    }

    /** One report about each of the first 20 things: its shadow moved on a version. */
    private static void reportRound(FakeFleet fleet) {
        for (int i = 0; i < 20; i++) {
            ThingOverview row = fleet.get(FakeFleet.thing(i).name());
            fleet.change(new ThingOverview(
                    row.name(),
                    row.thingType(),
                    row.groups(),
                    row.connected(),
                    row.lastSeen(),
                    row.shadowVersion() + 1,
                    row.pendingDeltaFields(),
                    row.firmwareVersion()));
        }
    }
}
