package io.fleetdeck.broker.server.admission;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pace of TLS handshakes per source address, as a generic cell rate algorithm: a second's worth may come at once,
 * then one every {@code 1/rate} seconds; a handshake over the pace waits its turn, up to a bound. Thread-safe.
 */
public final class HandshakePace {

    /** A flood from ever new addresses must not grow the map without end; past this it starts afresh. */
    private static final int MAX_ADDRESSES = 100_000;

    private final long intervalNanos;
    private final long burstNanos;
    private final long maxWaitNanos;
    /* per address: the theoretical arrival time of its next handshake */
    private final Map<InetAddress, Long> next = new ConcurrentHashMap<>();

    public HandshakePace(int perSecond, Duration maxWait) {
        this.intervalNanos = 1_000_000_000L / Math.max(1, perSecond);
        this.burstNanos = intervalNanos * Math.max(0, perSecond - 1);
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** How long this handshake must wait, or -1 when that would be longer than the bound (it is then not counted). */
    long reserve(InetAddress address, long nowNanos) {
        if (next.size() > MAX_ADDRESSES) {
            next.clear();
        }
        long[] wait = new long[1];
        next.compute(address, (key, due) -> {
            long theoretical = due == null ? nowNanos : Math.max(due, nowNanos);
            long delay = theoretical - nowNanos - burstNanos;
            if (delay > maxWaitNanos) {
                wait[0] = -1;
                return due;
            }
            wait[0] = Math.max(0, delay);
            return theoretical + intervalNanos;
        });
        return wait[0];
    }

    public void prune(long nowNanos) {
        next.values().removeIf(due -> due < nowNanos);
    }
}
