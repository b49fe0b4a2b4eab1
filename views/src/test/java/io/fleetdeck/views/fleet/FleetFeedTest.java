package io.fleetdeck.views.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Fleet feed with its real worker thread: reads off the calling threads, answers in order, batches changes. */
class FleetFeedTest {

    private final FakeFleet fleet = FakeFleet.withThings(2_000);
    private final List<FleetUpdate> applied = new CopyOnWriteArrayList<>();
    /** Plays the JavaFX thread: one thread, updates in the order handed over. */
    private final Executor fxThread = Executors.newSingleThreadExecutor();

    private final FleetFeed feed = new FleetFeed(fleet, fxThread);

    @AfterEach
    void close() {
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
    void aBurstOfChangesIsReadInAFewBatchesEachThingOnce() throws InterruptedException {
        feed.start(applied::add);
        await().atMost(Duration.ofSeconds(5)).until(() -> !applied.isEmpty());

        // 3,000 reports about 20 things within about half a second: a round every 3 ms
        AtomicInteger rounds = new AtomicInteger();
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor();
        reporter.scheduleAtFixedRate(
                () -> {
                    if (rounds.get() < 150) {
                        reportRound(fleet);
                        rounds.incrementAndGet();
                    }
                },
                0,
                3,
                TimeUnit.MILLISECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() == 150);
        reporter.shutdownNow();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> fleet.batchReads.stream()
                                .flatMap(List::stream)
                                .distinct()
                                .count()
                        == 20);
        // and no more reads come after the last change was read
        await().during(Duration.ofMillis(2 * FleetFeed.BATCH_MILLIS))
                .atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(fleet.batchReads.size())
                        .as("reads of changed things, at most one per batch interval")
                        .isLessThanOrEqualTo(6));
        assertThat(fleet.batchReads).allSatisfy(batch -> assertThat(batch).doesNotHaveDuplicates());
        assertThat(fleet.wholeReads.get()).isEqualTo(1);
        ThingRow last = applied.stream()
                .flatMap(update -> update.changes().stream())
                .filter(change -> change.row() != null
                        && change.row().name().equals(FakeFleet.thing(0).name()))
                .reduce((a, b) -> b)
                .orElseThrow()
                .row();
        assertThat(last.shadowVersion()).isEqualTo(FakeFleet.thing(0).shadowVersion() + 150);
    }

    @Test
    void queriesTypedFasterThanTheyRunAreAnsweredWithTheLatest() {
        feed.start(applied::add);
        await().atMost(Duration.ofSeconds(5)).until(() -> !applied.isEmpty());

        for (int i = 1; i <= 30; i++) {
            feed.query(new FleetQuery("north-harbour-b1-f1-temperature-0".substring(0, i), FleetOrder.BY_NAME), i);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> applied.getLast().answered() == 30);
        assertThat(applied.getLast().rows())
                .isNotEmpty()
                .allMatch(row -> row.name().startsWith("north-harbour-b1-f1-temperature-0"));
        assertThat(applied.size()).as("skipped queries are not answered").isLessThan(31);
    }

    /** One report about each of the first 20 things: its shadow moved on a version. */
    private static void reportRound(FakeFleet fleet) {
        for (int i = 0; i < 20; i++) {
            ThingRow row = fleet.get(FakeFleet.thing(i).name());
            fleet.change(new ThingRow(
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
