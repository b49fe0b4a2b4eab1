package io.fleetdeck.bench.shadow;

import java.util.Arrays;
import java.util.Locale;

/** Update→answer latencies of one run, kept whole (a run is at most a few hundred thousand samples). */
final class Latencies {

    private long[] nanos = new long[1 << 16];
    private int count;

    synchronized void add(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    synchronized int count() {
        return count;
    }

    /** "p50 x ms, p99 y ms, max z ms". */
    synchronized String summary() {
        if (count == 0) {
            return "no samples";
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "p50 %.2f ms, p99 %.2f ms, max %.1f ms",
                millis(sorted, 0.50),
                millis(sorted, 0.99),
                sorted[count - 1] / 1e6);
    }

    synchronized double p99Millis() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return count == 0 ? Double.NaN : millis(sorted, 0.99);
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(quantile * sorted.length))] / 1e6;
    }
}
