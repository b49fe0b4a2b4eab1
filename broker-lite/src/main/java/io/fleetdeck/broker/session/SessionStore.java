package io.fleetdeck.broker.session;

import io.fleetdeck.broker.metrics.TrafficCounters;
import io.fleetdeck.broker.routing.MessageRouter;
import io.fleetdeck.broker.server.BrokerLimits;
import io.fleetdeck.broker.server.RateQuotas;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every session by client id. Opening a session for a client id that is connected takes it over: the older connection
 * is closed (AWS-IOT-BEHAVIOUR §0.1, DUPLICATE_CLIENTID). A clean start discards what was kept; a persistent session
 * outlives its connection until its expiry. Thread-safe: opening and discarding are serialized on this object.
 */
public final class SessionStore {

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
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

    public synchronized Opened open(
            String clientId, boolean cleanStart, long expirySeconds, int receiveMaximum, Outbound connection) {
        Session existing = sessions.get(clientId);
        if (existing != null && (cleanStart || existing.isExpired(clock.millis()))) {
            Outbound previous = existing.release();
            discard(existing);
            if (previous != null) {
                previous.takenOver();
            }
            existing = null;
        }
        boolean present = existing != null;
        Session session = present
                ? existing
                : new Session(
                        clientId,
                        limits.queuedMessagesPerSession(),
                        limits.inflightPerSession(),
                        quotas,
                        brokerTraffic,
                        clock);
        sessions.put(clientId, session);
        Outbound previous = session.attach(connection, receiveMaximum, expirySeconds);
        if (previous != null && previous != connection) {
            previous.takenOver();
        }
        return new Opened(session, present);
    }

    /** The connection ended: a session without expiry goes now, a persistent one waits for its expiry. */
    public synchronized void closed(Session session, Outbound connection) {
        if (session.detach(connection, clock.millis()) && session.expirySeconds() == 0) {
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

    public Session find(String clientId) {
        return sessions.get(clientId);
    }

    public int size() {
        return sessions.size();
    }

    /** Every session at this moment, connected or kept for a client that is away. */
    public java.util.List<Session> all() {
        return java.util.List.copyOf(sessions.values());
    }

    private void discard(Session session) {
        sessions.remove(session.clientId(), session);
        session.subscriptions().keySet().forEach(filter -> router.unsubscribe(filter, session));
    }
}
