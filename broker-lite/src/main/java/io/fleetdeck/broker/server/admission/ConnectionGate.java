package io.fleetdeck.broker.server.admission;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Which connections the broker's listeners hold: at most a cap of them open, and per listener and source address a
 * bound on those not yet authenticated (no CONNECT accepted). When a bound is reached, the oldest connection that has
 * not sent a single byte makes room for the newcomer, so sockets opened and left silent cannot lock out a device that
 * talks at once, even from the same address; only when every held connection is talking is the newcomer refused.
 * Thread-safe: one lock, taken once per accept, first read, CONNACK and close.
 */
public final class ConnectionGate {

    /** What became of a connection at its accept. */
    public sealed interface Verdict {
        record Admitted(Place place) implements Verdict {}

        record Refused(String reason) implements Verdict {}
    }

    private final ConnectionLimits limits;
    private final int cap;
    private final Object lock = new Object();
    private int open;
    /* guarded by lock: every unauthenticated connection, oldest first, and the same per listener and address */
    private final LinkedHashSet<Place> unauthenticated = new LinkedHashSet<>();
    private final Map<Source, LinkedHashSet<Place>> bySource = new HashMap<>();
    private final Consumer<String> evictions;

    /**
     * @param cap connections held at once; below the accept guard's hard cap, so that a flood's newcomers, admitted
     *     here while the silent connections they replace are still closing, stay within the process's files
     * @param evictions told, outside the lock, why each connection closed to make room was chosen
     */
    public ConnectionGate(ConnectionLimits limits, int cap, Consumer<String> evictions) {
        this.limits = limits;
        this.cap = cap;
        this.evictions = evictions;
    }

    public ConnectionLimits limits() {
        return limits;
    }

    public int cap() {
        return cap;
    }

    public int open() {
        synchronized (lock) {
            return open;
        }
    }

    private record Source(String listener, InetAddress address) {}

    /** A connection's place; its flags are guarded by the gate's lock. */
    public static final class Place {
        private final Source source;
        private final Channel channel;
        private boolean heardFrom;
        private boolean holding = true;
        private boolean unauthenticated = true;

        private Place(Source source, Channel channel) {
            this.source = source;
            this.channel = channel;
        }
    }

    /** At accept, on the channel's event loop. */
    public Verdict arrive(String listener, InetAddress address, Channel channel) {
        List<Place> evicted = new ArrayList<>(2);
        Verdict verdict;
        synchronized (lock) {
            verdict = admitLocked(new Source(listener, address), channel, evicted);
        }
        for (Place place : evicted) {
            evictions.accept(place.source.address().getHostAddress() + " on the " + place.source.listener()
                    + " listener, silent since its accept");
            place.channel.close();
        }
        return verdict;
    }

    private Verdict admitLocked(Source source, Channel channel, List<Place> evicted) {
        if (open >= cap) {
            Place victim = oldestSilent(unauthenticated);
            if (victim == null) {
                return new Verdict.Refused("all " + cap + " connections are taken");
            }
            evictLocked(victim, evicted);
        }
        LinkedHashSet<Place> fromSource = bySource.computeIfAbsent(source, any -> new LinkedHashSet<>());
        if (fromSource.size() >= limits.maxUnauthenticatedPerAddress()) {
            Place victim = oldestSilent(fromSource);
            if (victim == null) {
                return new Verdict.Refused(source.address().getHostAddress() + " already holds "
                        + limits.maxUnauthenticatedPerAddress() + " connections on the " + source.listener()
                        + " listener that have not connected");
            }
            evictLocked(victim, evicted);
        }
        Place place = new Place(source, channel);
        open++;
        unauthenticated.add(place);
        fromSource.add(place);
        return new Verdict.Admitted(place);
    }

    /** The first bytes came: the connection is talking, and no longer the first to make room. */
    public void heardFrom(Place place) {
        synchronized (lock) {
            place.heardFrom = true;
        }
    }

    /** Its CONNECT was accepted: it no longer counts against its address. */
    public void authenticated(Place place) {
        synchronized (lock) {
            forgetUnauthenticatedLocked(place);
        }
    }

    /** It closed, whichever way. */
    public void left(Place place) {
        synchronized (lock) {
            releaseLocked(place);
        }
    }

    private void evictLocked(Place victim, List<Place> evicted) {
        releaseLocked(victim);
        evicted.add(victim);
    }

    private void releaseLocked(Place place) {
        if (!place.holding) {
            return;
        }
        place.holding = false;
        open--;
        forgetUnauthenticatedLocked(place);
    }

    private void forgetUnauthenticatedLocked(Place place) {
        if (!place.unauthenticated) {
            return;
        }
        place.unauthenticated = false;
        unauthenticated.remove(place);
        LinkedHashSet<Place> fromSource = bySource.get(place.source);
        if (fromSource != null) {
            fromSource.remove(place);
            if (fromSource.isEmpty()) {
                bySource.remove(place.source);
            }
        }
    }

    /** The oldest of {@code places} that has not sent a byte; talking connections are passed over. */
    private static @Nullable Place oldestSilent(LinkedHashSet<Place> places) {
        for (Iterator<Place> it = places.iterator(); it.hasNext(); ) {
            Place place = it.next();
            if (!place.heardFrom) {
                return place;
            }
        }
        return null;
    }
}
