package io.fleetdeck.broker.session;

import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.config.RateQuotas;
import io.fleetdeck.broker.metrics.TrafficCounters;
import io.fleetdeck.broker.routing.MessageRouter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Every session, by client id and the principal that made it. One connection per client id: a new one takes the
 * connection over from whoever holds it (AWS-IOT-BEHAVIOUR §0.1, DUPLICATE_CLIENTID). But a stored session belongs to
 * the certificate that created it: only a connection authenticated by that certificate resumes it or wipes it with a
 * clean start. Another principal allowed to use the client id (a shared claim certificate, say) gets a session of its
 * own, and the owner's stays kept, untouched, until its owner comes back or it expires (issue 13, defect 2). A
 * persistent session outlives its connection until its expiry. Thread-safe: opening and discarding are serialized on
 * this object.
 */
public final class SessionStore {

    /** The principal of connections without a certificate: the plain loopback listener, protocol tests. */
    public static final String NO_PRINCIPAL = "";

    private final Map<SessionKey, Session> sessions = new ConcurrentHashMap<>();
    /* the session each client id is connected with now, whoever's it is; guarded by this */
    private final Map<String, Session> connected = new HashMap<>();
    private final MessageRouter router;
    private final BrokerLimits limits;
    private final Clock clock;
    private final TrafficCounters brokerTraffic;
    private final RateQuotas quotas;

    public SessionStore(
            MessageRouter router, BrokerLimits limits, RateQuotas quotas, Clock clock, TrafficCounters brokerTraffic) {
        this.router = router;
        this.quotas = quotas;
        this.limits = limits;
        this.clock = clock;
        this.brokerTraffic = brokerTraffic;
    }

    /** The session a new connection gets, and whether it was kept from before (CONNACK's session present). */
    public record Opened(Session session, boolean present) {}

    private record SessionKey(String clientId, String principal) {}

    /** @param principal the certificate id the connection was authenticated by, or {@link #NO_PRINCIPAL} */
    public synchronized Opened open(
            String clientId,
            String principal,
            boolean cleanStart,
            long expirySeconds,
            int receiveMaximum,
            Outbound connection) {
        SessionKey key = new SessionKey(clientId, principal);
        Session existing = sessions.get(key);
        if (existing != null && (cleanStart || existing.isExpired(clock.millis()))) {
            Outbound previous = existing.release();
            discard(existing);
            if (previous != null) {
                previous.takenOver();
            }
            existing = null;
        }
        Session otherPrincipals = connected.get(clientId);
        if (otherPrincipals != null && otherPrincipals != existing) {
            // its connection ends; its session is left to that connection's end, kept or discarded by its own expiry
            otherPrincipals.takeOverConnection();
        }
        boolean present = existing != null;
        Session session = existing != null
                ? existing
                : new Session(
                        clientId,
                        principal,
                        limits.queuedMessagesPerSession(),
                        limits.queuedBytesPerSession(),
                        limits.inflightPerSession(),
                        quotas,
                        brokerTraffic,
                        clock);
        sessions.put(key, session);
        connected.put(clientId, session);
        Outbound previous = session.attach(connection, receiveMaximum, expirySeconds);
        if (previous != null && previous != connection) {
            previous.takenOver();
        }
        return new Opened(session, present);
    }

    /** The connection ended: a session without expiry goes now, a persistent one waits for its expiry. */
    public synchronized void closed(Session session, Outbound connection) {
        if (!session.detach(connection, clock.millis())) {
            return;
        }
        connected.remove(session.clientId(), session);
        if (session.expirySeconds() == 0) {
            discard(session);
        }
    }

    /** Removes sessions whose expiry has passed; called periodically. */
    public synchronized int expire() {
        long now = clock.millis();
        int expired = 0;
        for (Session session : sessions.values()) {
            if (session.isExpired(now)) {
                discard(session);
                expired++;
            }
        }
        return expired;
    }

    /** The session a client id is connected with, else one kept for it, else null. */
    public synchronized @Nullable Session find(String clientId) {
        Session live = connected.get(clientId);
        if (live != null) {
            return live;
        }
        return sessions.entrySet().stream()
                .filter(entry -> entry.getKey().clientId().equals(clientId))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    public int size() {
        return sessions.size();
    }

    /** Every session at this moment, connected or kept for a client that is away. */
    public java.util.List<Session> all() {
        return java.util.List.copyOf(sessions.values());
    }

    private void discard(Session session) {
        sessions.remove(new SessionKey(session.clientId(), session.principal()), session);
        connected.remove(session.clientId(), session);
        session.subscriptions().keySet().forEach(filter -> router.unsubscribe(filter, session));
    }
}
