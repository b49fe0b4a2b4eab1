package io.fleetdeck.bench.shadow;

import io.fleetdeck.fleet.shadow.Shadows;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * Readers beside the writers, as the console's Fleet table is one: each thread re-reads every classic shadow at a
 * glance ({@link Shadows#classicSummaries}, the table's full refresh) again and again while updates flow. Reports the
 * refreshes made and how long each took.
 */
final class TableReaders implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private final Latencies refreshes = new Latencies();
    private final LongAdder rows = new LongAdder();
    private final long start = System.nanoTime();
    private volatile boolean running = true;

    TableReaders(Shadows shadows, int count) {
        for (int i = 0; i < count; i++) {
            Thread reader = Thread.ofPlatform().name("table-reader-" + i).start(() -> {
                while (running) {
                    long began = System.nanoTime();
                    rows.add(shadows.classicSummaries().size());
                    refreshes.add(System.nanoTime() - began);
                }
            });
            threads.add(reader);
        }
    }

    /** "N readers: x refreshes/s, p50 .. p99 .. max .." or nothing without readers. */
    String summary() {
        if (threads.isEmpty()) {
            return "";
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(
                Locale.ROOT,
                "; %d table readers beside it: %,.1f full refreshes/s (%,.0f rows/s), each %s",
                threads.size(),
                refreshes.count() / seconds,
                rows.sum() / seconds,
                refreshes.summary());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread reader : threads) {
            reader.join();
        }
    }
}
