package io.fleetdeck.bench.index;

import io.fleetdeck.index.FleetIndex;
import io.fleetdeck.index.FleetQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How soon a change is searchable while 2,000 things change a second: each change sets a thing's battery to a value
 * no other thing has; one change in twenty is then searched for until found, and the time from the change being
 * told to the index (what the store does after its commit) to the first search that finds it is recorded.
 */
final class Visibility {

    private static final int UPDATES_PER_SECOND = 2000;
    private static final int SECONDS = 10;
    private static final int SAMPLE_EVERY = 20;

    private Visibility() {}

    static void measure(FleetIndex index, SyntheticFleet fleet, int size) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService changes = Executors.newSingleThreadScheduledExecutor();
        ExecutorService searches = Executors.newFixedThreadPool(2);
        int[] sent = {0};
        long start = System.nanoTime();
        changes.scheduleAtFixedRate(
                () -> {
                    long due = (System.nanoTime() - start) * UPDATES_PER_SECOND / 1_000_000_000L;
                    for (; sent[0] < due; sent[0]++) {
                        int thing = random.nextInt(size);
                        double battery = 1000 + sent[0];
                        fleet.change(thing, battery);
                        long toldAt = System.nanoTime();
                        index.thingsChanged(List.of(SyntheticFleet.name(thing)));
                        if (sent[0] % SAMPLE_EVERY == 0) {
                            searches.execute(() -> awaitFound(index, battery, toldAt, latencies));
                        }
                    }
                },
                0,
                1,
                TimeUnit.MILLISECONDS);
        TimeUnit.SECONDS.sleep(SECONDS);
        changes.shutdownNow();
        searches.shutdown();
        searches.awaitTermination(10, TimeUnit.SECONDS);
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "visible   %,d changes at %,d/s, %d sampled: change→found p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                        + " (target p99 <= 100)%n",
                sent[0],
                UPDATES_PER_SECOND,
                sorted.size(),
                sorted.get(sorted.size() / 2),
                sorted.get(Math.min(sorted.size() - 1, sorted.size() * 99 / 100)),
                sorted.getLast());
    }

    /** Searches (one search at a time, back to back) until the changed value is found. */
    private static void awaitFound(FleetIndex index, double battery, long toldAt, List<Double> latencies) {
        try {
            FleetQuery query = FleetQuery.parse("shadow.reported.battery:" + (long) battery);
            while (index.count(query) == 0) {
                if (System.nanoTime() - toldAt > TimeUnit.SECONDS.toNanos(5)) {
                    return;
                }
                TimeUnit.MICROSECONDS.sleep(200);
            }
            latencies.add((System.nanoTime() - toldAt) / 1e6);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
