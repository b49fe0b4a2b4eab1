package io.fleetdeck.bench.index;

import io.fleetdeck.index.DocumentEncoding;
import io.fleetdeck.index.FleetIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.DoubleField;

/**
 * How soon a change is searchable while 2,000 things change a second: each change sets a thing's battery to a value
 * no other thing has, and one change in twenty is watched. A single checker looks for all watched changes every
 * millisecond on the index's current searcher (one point query each, cheap), so the measurement itself neither queues
 * nor loads the machine; the time from the change being told to the index (what the store does after its commit) to
 * the first pass that finds it is recorded.
 */
final class Visibility {

    private static final int UPDATES_PER_SECOND = 2000;
    private static final int SECONDS = 10;
    private static final int SAMPLE_EVERY = 20;

    private record Watched(double battery, long toldAt) {}

    private Visibility() {}

    static void measure(FleetIndex index, SyntheticFleet fleet, int size) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        ConcurrentLinkedQueue<Watched> watched = new ConcurrentLinkedQueue<>();
        List<Double> latencies = new ArrayList<>();
        ScheduledExecutorService changes = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor();
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
                            watched.add(new Watched(battery, toldAt));
                        }
                    }
                },
                0,
                1,
                TimeUnit.MILLISECONDS);
        checker.scheduleWithFixedDelay(() -> check(index, watched, latencies), 1, 1, TimeUnit.MILLISECONDS);
        TimeUnit.SECONDS.sleep(SECONDS);
        changes.shutdownNow();
        TimeUnit.SECONDS.sleep(2); // the last watched changes are found
        checker.shutdownNow();
        checker.awaitTermination(5, TimeUnit.SECONDS);
        List<Double> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        Collections.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "visible   %,d changes at %,d/s, %d watched (%d never found): change→found p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms (target p99 <= 100)%n",
                sent[0],
                UPDATES_PER_SECOND,
                sorted.size() + watched.size(),
                watched.size(),
                sorted.get(sorted.size() / 2),
                sorted.get(Math.min(sorted.size() - 1, sorted.size() * 99 / 100)),
                sorted.getLast());
    }

    private static void check(FleetIndex index, ConcurrentLinkedQueue<Watched> watched, List<Double> latencies) {
        index.withSearcher(searcher -> {
            for (Iterator<Watched> it = watched.iterator(); it.hasNext(); ) {
                Watched change = it.next();
                if (searcher.count(DoubleField.newExactQuery(
                                DocumentEncoding.numberField("shadow.reported.battery"), change.battery()))
                        > 0) {
                    synchronized (latencies) {
                        latencies.add((System.nanoTime() - change.toldAt()) / 1e6);
                    }
                    it.remove();
                }
            }
            return watched.size();
        });
    }
}
