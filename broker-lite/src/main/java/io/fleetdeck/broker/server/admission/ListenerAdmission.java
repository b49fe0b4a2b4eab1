package io.fleetdeck.broker.server.admission;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether one listener takes a new connection: the cap on open connections shared by all listeners, and per source
 * address the unauthenticated connections it holds and the pace of its TLS handshakes. Thread-safe: asked on every
 * I/O thread.
 */
public final class ListenerAdmission {

    /** A refusal, in words for the log. */
    public sealed interface Verdict {
        record Admitted(long handshakeDelayNanos) implements Verdict {}

        record Refused(String reason) implements Verdict {}
    }

    private final ConnectionLimits limits;
    private final OpenConnections open;
    private final boolean paceHandshakes;
    private final Map<InetAddress, AtomicInteger> unauthenticated = new ConcurrentHashMap<>();
    private final HandshakePace pace;

    /** @param paceHandshakes true on the TLS listener, where each handshake costs the broker public-key operations */
    public ListenerAdmission(ConnectionLimits limits, OpenConnections open, boolean paceHandshakes) {
        this.limits = limits;
        this.open = open;
        this.paceHandshakes = paceHandshakes;
        this.pace = new HandshakePace(limits.handshakesPerSecondPerAddress(), limits.maxHandshakeWait());
    }

    public ConnectionLimits limits() {
        return limits;
    }

    /** At accept. An admitted connection holds a place until {@link #left} and counts as unauthenticated. */
    public Verdict arrive(InetAddress address, long nowNanos) {
        if (!open.tryOpen()) {
            return new Verdict.Refused("over the cap of " + open.cap() + " open connections");
        }
        AtomicInteger held = unauthenticated.computeIfAbsent(address, any -> new AtomicInteger());
        if (held.incrementAndGet() > limits.maxUnauthenticatedPerAddress()) {
            releaseUnauthenticated(address);
            open.close();
            return new Verdict.Refused(address.getHostAddress() + " already holds "
                    + limits.maxUnauthenticatedPerAddress() + " connections that have not connected");
        }
        if (!paceHandshakes) {
            return new Verdict.Admitted(0);
        }
        long delay = pace.reserve(address, nowNanos);
        if (delay < 0) {
            releaseUnauthenticated(address);
            open.close();
            return new Verdict.Refused(address.getHostAddress() + " starts more than "
                    + limits.handshakesPerSecondPerAddress() + " TLS handshakes a second");
        }
        return new Verdict.Admitted(delay);
    }

    /** The connection's CONNECT was accepted: it no longer counts against its address. */
    public void authenticated(InetAddress address) {
        releaseUnauthenticated(address);
    }

    /** The connection closed; {@code stillUnauthenticated} when it never got that far. */
    public void left(InetAddress address, boolean stillUnauthenticated) {
        if (stillUnauthenticated) {
            releaseUnauthenticated(address);
        }
        open.close();
    }

    /** Forgets the pace of addresses that went quiet; called periodically. */
    public void prune(long nowNanos) {
        pace.prune(nowNanos);
    }

    private void releaseUnauthenticated(InetAddress address) {
        unauthenticated.computeIfPresent(address, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
    }
}
