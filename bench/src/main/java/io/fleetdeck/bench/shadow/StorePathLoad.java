package io.fleetdeck.bench.shadow;

import io.fleetdeck.fleet.shadow.Shadows;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shadow service's store path alone, without MQTT: each thing keeps one update in flight through
 * {@link Shadows#submitUpdate} and sends the next when the answer comes, for a fixed time.
 */
final class StorePathLoad {

    record Result(double updatesPerSecond, Latencies latencies, long refused) {}

    private final Shadows shadows;
    private final int things;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final Latencies latencies = new Latencies();
    private volatile long stopAt;

    StorePathLoad(Shadows shadows, int things) {
        this.shadows = shadows;
        this.things = things;
    }

    Result run(int seconds) throws InterruptedException {
        CountDownLatch finished = new CountDownLatch(things);
        long start = System.nanoTime();
        stopAt = start + TimeUnit.SECONDS.toNanos(seconds);
        for (int i = 0; i < things; i++) {
            next("thing-" + i, finished);
        }
        finished.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(latencies.count() / elapsed, latencies, refused.get());
    }

    private void next(String thing, CountDownLatch finished) {
        long sent = System.nanoTime();
        if (sent >= stopAt) {
            finished.countDown();
            return;
        }
        shadows.submitUpdate(thing, "", ShadowPayloads.report(sequence.incrementAndGet(), sent))
                .whenComplete((updated, failure) -> {
                    if (failure == null) {
                        latencies.add(System.nanoTime() - sent);
                    } else {
                        refused.incrementAndGet();
                    }
                    next(thing, finished);
                });
    }
}
