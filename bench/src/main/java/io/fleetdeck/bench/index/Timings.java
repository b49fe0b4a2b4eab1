package io.fleetdeck.bench.index;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Wall times of two ways of doing the same thing, run alternately so that the machine's noise falls on both alike,
 * after a quarter as many untimed warm-up rounds.
 */
record Timings(double p50, double p99) {

    @FunctionalInterface
    interface Operation {
        @Nullable Object run() throws Exception;
    }

    /** The timings of {@code first} and of {@code second}, in that order. */
    static Timings[] alternately(int iterations, Operation first, Operation second) throws Exception {
        for (int i = 0; i < iterations / 4; i++) {
            first.run();
            second.run();
        }
        long[] firstNanos = new long[iterations];
        long[] secondNanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            firstNanos[i] = time(first);
            secondNanos[i] = time(second);
        }
        return new Timings[] {of(firstNanos), of(secondNanos)};
    }

    static Timings of(int iterations, Operation operation) throws Exception {
        return alternately(iterations, operation, () -> null)[0];
    }

    private static long time(Operation operation) throws Exception {
        long started = System.nanoTime();
        operation.run();
        return System.nanoTime() - started;
    }

    private static Timings of(long[] nanos) {
        Arrays.sort(nanos);
        int n = nanos.length;
        return new Timings(nanos[n / 2] / 1e6, nanos[Math.min(n - 1, n * 99 / 100)] / 1e6);
    }
}
