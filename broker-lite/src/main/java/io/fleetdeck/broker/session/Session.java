package io.fleetdeck.broker.session;

import io.fleetdeck.broker.PublishedMessage;
import io.fleetdeck.broker.config.RateQuotas;
import io.fleetdeck.broker.metrics.TrafficCounters;
import io.fleetdeck.broker.routing.MessageRouter;
import io.fleetdeck.broker.routing.Subscriber;
import io.fleetdeck.broker.routing.TopicFilters;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A client's session: its subscriptions, the QoS 1 and 2 messages it has not acknowledged yet and the QoS 2 exchanges
 * under way in both directions, kept across connections when the client asked for a persistent session. Delivery
 * respects the client's receive window (MQTT 5 Receive Maximum, AWS's 100 unacknowledged outbound; a QoS 2 message
 * holds its slot until PUBCOMP); past it QoS 1 and 2 wait in a bounded queue, and QoS 0 to a connection that cannot
 * keep up is dropped and counted, never silently. Every method may be called from any I/O thread: state sits
 * behind this object's monitor.
 */
public final class Session implements Subscriber {

    private final String clientId;
    /* the certificate id of the connection that created it: only that principal resumes it */
    private final String principal;
    /* Mosquitto's max_queued_messages and max_queued_bytes: beyond what is in flight; 0 is no bound */
    private final int queueBound;
    private final long queueBytesBound;
    private long queuedBytes;
    private final int inflightBound;
    private final Map<String, Grant> subscriptions = new LinkedHashMap<>();
    /* subscriptions that carry an MQTT 5 Subscription Identifier; most sessions have none, and skip the lookup */
    private int subscriptionsWithIds;
    /* subscriptions with No Local or Retain As Published; without any, a live message skips the lookup */
    private int subscriptionsWithOptions;
    private final ArrayDeque<Queued> queued = new ArrayDeque<>();
    private final Clock clock;
    private final LinkedHashMap<Integer, PublishedMessage> inflight = new LinkedHashMap<>();
    /* outbound QoS 2 messages the client has PUBREC'd and the broker PUBREL'd: still in flight until PUBCOMP */
    private final Set<Integer> released = new HashSet<>();
    /* inbound QoS 2 packet ids the broker has PUBREC'd and the client not yet PUBREL'd (MQTT 3.1.1 §4.3.3) */
    private final Set<Integer> awaitingRelease = new HashSet<>();
    private final TrafficCounters counters = new TrafficCounters();
    private final TrafficCounters brokerTraffic;
    private @Nullable Outbound outbound;
    private int sendWindow;
    private int nextPacketId = 1;
    private long expirySeconds;
    private long disconnectedAtMillis;
    private final RateQuotas quotas;
    /* made as a connection attaches; null while the session has never had one */
    private @Nullable RateLimiter publishRate;

    private @Nullable RateLimiter replayRate;
    /* the queue holds messages stored while the client was away: they go out at the replay rate */
    private boolean replaying;
    private boolean replayResumeScheduled;

    Session(
            String clientId,
            String principal,
            int queueBound,
            long queueBytesBound,
            int inflightBound,
            RateQuotas quotas,
            TrafficCounters brokerTraffic,
            Clock clock) {
        this.clientId = clientId;
        this.principal = principal;
        this.clock = clock;
        this.quotas = quotas;
        this.queueBound = queueBound;
        this.queueBytesBound = queueBytesBound;
        this.inflightBound = inflightBound;
        this.brokerTraffic = brokerTraffic;
    }

    public String clientId() {
        return clientId;
    }

    String principal() {
        return principal;
    }

    @Override
    public synchronized void deliver(PublishedMessage message, int grantedQos) {
        int qos = Math.min(message.qos(), grantedQos);
        Outbound to = outbound;
        RateLimiter rate = publishRate;
        if (to != null && !to.mayReceive(message.topic())) {
            countAuthorizationFailure();
            return;
        }
        if (to != null && !to.fits(message)) {
            countTooLarge(qos);
            return;
        }
        if (qos == 0) {
            if (to != null && rate != null && !rate.tryAcquire(clock.millis())) {
                counters.throttled();
                brokerTraffic.throttled();
            } else if (to != null && to.isWritable()) {
                to.send(message.withQos(0), 0, false, subscriptionIds(message.topic()));
                countSent(message);
            } else {
                counters.droppedQos0();
                brokerTraffic.droppedQos0();
            }
            return;
        }
        if (to == null && expirySeconds == 0) {
            return;
        }
        if (to != null && inflight.size() < sendWindow) {
            sendInFlight(to, message.withQos(qos));
        } else {
            enqueue(message.withQos(qos));
        }
    }

    /**
     * A message as published, with its retain flag: kept only for a matching subscription with Retain As Published,
     * and the message not delivered at all when it is the client's own and every matching subscription says No Local
     * (MQTT 5 §3.8.3.1). Without such subscriptions, as {@link Subscriber#deliverLive}'s default.
     */
    @Override
    public synchronized void deliverLive(PublishedMessage published, int grantedQos) {
        if (subscriptionsWithOptions == 0) {
            deliver(published.withRetain(false), grantedQos);
            return;
        }
        boolean own = clientId.equals(published.senderClientId());
        boolean deliverable = false;
        boolean retainAsPublished = false;
        for (Map.Entry<String, Grant> entry : subscriptions.entrySet()) {
            Grant grant = entry.getValue();
            if ((!own || !grant.noLocal())
                    && TopicFilters.matches(MessageRouter.matchingFilter(entry.getKey()), published.topic())) {
                deliverable = true;
                retainAsPublished |= grant.retainAsPublished();
            }
        }
        if (own && !deliverable) {
            return;
        }
        deliver(published.withRetain(published.retain() && retainAsPublished), grantedQos);
    }

    /**
     * Whether a publish from the client fits its connection's publish rate (AWS: 100 a second, in and out together);
     * one that does not is counted as throttled and must be discarded.
     */
    public synchronized boolean admitInbound() {
        RateLimiter rate = publishRate;
        if (rate == null || rate.tryAcquire(clock.millis())) {
            return true;
        }
        counters.throttled();
        brokerTraffic.throttled();
        return false;
    }

    /** The client acknowledged a QoS 1 message: frees its window slot and sends what waited. */
    public synchronized void acknowledged(int packetId) {
        PublishedMessage message = inflight.get(packetId);
        // a PUBACK never settles a QoS 2 message: only PUBREC then PUBCOMP do (MQTT 5 §4.3.3)
        if (message != null && message.qos() == 1) {
            inflight.remove(packetId);
            drain();
        }
    }

    // --- QoS 2, exactly once (MQTT 3.1.1 §4.3.3, MQTT 5 §4.3.3)

    /**
     * The client sent PUBREC for an outbound QoS 2 message: the broker answers PUBREL and keeps the window slot until
     * PUBCOMP. A PUBREC with an MQTT 5 reason code of 0x80 or more ends the exchange there and frees the slot. Returns
     * false when no QoS 2 message waits under {@code packetId}.
     */
    public synchronized boolean publishReceived(int packetId, boolean refused) {
        PublishedMessage message = inflight.get(packetId);
        if (message == null || message.qos() != 2) {
            return false;
        }
        if (refused) {
            inflight.remove(packetId);
            released.remove(packetId);
            drain();
            return true;
        }
        released.add(packetId);
        if (outbound != null) {
            outbound.sendRelease(packetId);
        }
        return true;
    }

    /** The client sent PUBCOMP: the QoS 2 message is delivered, its slot goes to what waited. */
    public synchronized boolean publishCompleted(int packetId) {
        if (!released.remove(packetId)) {
            return false;
        }
        inflight.remove(packetId);
        drain();
        return true;
    }

    /**
     * A QoS 2 PUBLISH from the client: true the first time its packet id is seen, false for a copy sent again before
     * PUBREL, which must be acknowledged again and not delivered again. Kept with a persistent session.
     */
    public synchronized boolean firstReceipt(int packetId) {
        return awaitingRelease.add(packetId);
    }

    /** Whether a QoS 2 PUBLISH with this packet id was received and not yet released. */
    public synchronized boolean isAwaitingRelease(int packetId) {
        return awaitingRelease.contains(packetId);
    }

    /** The client sent PUBREL; returns whether the packet id was known (MQTT 5: else PUBCOMP 0x92). */
    public synchronized boolean releasedByClient(int packetId) {
        return awaitingRelease.remove(packetId);
    }

    /** Inbound QoS 2 exchanges not yet released: they count against the broker's Receive Maximum (MQTT 5 §4.9). */
    public synchronized int awaitingReleaseCount() {
        return awaitingRelease.size();
    }

    /**
     * A connection takes this session: unacknowledged messages are sent again with DUP set, then the queue, as far as
     * the client's receive window allows (MQTT 3.1.1 §4.4, MQTT 5 §4.4).
     */
    synchronized @Nullable Outbound attach(Outbound connection, int receiveMaximum, long newExpirySeconds) {
        Outbound previous = outbound;
        outbound = connection;
        sendWindow = Math.max(1, Math.min(receiveMaximum, inflightBound));
        expirySeconds = newExpirySeconds;
        long now = clock.millis();
        publishRate = new RateLimiter(quotas.publishesPerSecondPerConnection(), now);
        replayRate = new RateLimiter(quotas.replayedPerSecond(), now);
        replaying = !queued.isEmpty();
        // in their original order: PUBLISH again with DUP, or PUBREL for what the client has PUBREC'd (MQTT 5 §4.4)
        inflight.forEach((packetId, message) -> {
            if (released.contains(packetId)) {
                connection.sendRelease(packetId);
            } else {
                connection.send(message, packetId, true, subscriptionIds(message.topic()));
            }
        });
        drain();
        return previous;
    }

    /** Another principal's connection takes the client id: this session's connection ends, the session stays. */
    synchronized void takeOverConnection() {
        if (outbound != null) {
            outbound.takenOver();
        }
    }

    /** Lets go of the current connection, if any, as the session is discarded; returns it. */
    synchronized @Nullable Outbound release() {
        Outbound previous = outbound;
        outbound = null;
        return previous;
    }

    /** The connection ended; returns whether it was still this session's (not already taken over). */
    synchronized boolean detach(Outbound connection, long nowMillis) {
        if (outbound != connection) {
            return false;
        }
        outbound = null;
        disconnectedAtMillis = nowMillis;
        return true;
    }

    synchronized boolean isExpired(long nowMillis) {
        return outbound == null && nowMillis - disconnectedAtMillis >= expirySeconds * 1000;
    }

    synchronized boolean isConnected() {
        return outbound != null;
    }

    synchronized long expirySeconds() {
        return expirySeconds;
    }

    /**
     * A granted subscription: its QoS, its MQTT 5 Subscription Identifier (0 when it has none), and its MQTT 5 No
     * Local and Retain As Published options (MQTT 5 §3.8.3.1), which only the standard profile grants.
     */
    public record Grant(int qos, int subscriptionId, boolean noLocal, boolean retainAsPublished) {

        public Grant(int qos, int subscriptionId) {
            this(qos, subscriptionId, false, false);
        }

        boolean hasOptions() {
            return noLocal || retainAsPublished;
        }
    }

    /** Records a granted subscription; returns false when it is new and the connection already has {@code max}. */
    public synchronized boolean addSubscription(String filter, Grant grant, int max) {
        if (!subscriptions.containsKey(filter) && subscriptions.size() >= max) {
            return false;
        }
        Grant previous = subscriptions.put(filter, grant);
        subscriptionsWithIds +=
                (grant.subscriptionId() > 0 ? 1 : 0) - (previous != null && previous.subscriptionId() > 0 ? 1 : 0);
        subscriptionsWithOptions += (grant.hasOptions() ? 1 : 0) - (previous != null && previous.hasOptions() ? 1 : 0);
        return true;
    }

    public synchronized boolean hasSubscription(String filter) {
        return subscriptions.containsKey(filter);
    }

    public synchronized boolean removeSubscription(String filter) {
        Grant removed = subscriptions.remove(filter);
        if (removed != null && removed.subscriptionId() > 0) {
            subscriptionsWithIds--;
        }
        if (removed != null && removed.hasOptions()) {
            subscriptionsWithOptions--;
        }
        return removed != null;
    }

    synchronized Map<String, Grant> subscriptions() {
        return Map.copyOf(subscriptions);
    }

    public synchronized int queuedCount() {
        return queued.size() + inflight.size();
    }

    /** A message this client published, counted against it and the broker. */
    public void countReceived(int payloadBytes) {
        counters.received(payloadBytes);
        brokerTraffic.received(payloadBytes);
    }

    /** A request of this client that its policies did not allow. */
    public void countAuthorizationFailure() {
        counters.authorizationFailure();
        brokerTraffic.authorizationFailure();
    }

    public TrafficCounters.Traffic traffic() {
        return counters.snapshot();
    }

    private void enqueue(PublishedMessage message) {
        if (queueBound > 0 && queued.size() >= queueBound) {
            counters.droppedQos1();
            brokerTraffic.droppedQos1();
            return;
        }
        int bytes = message.payload().length;
        if (queueBytesBound > 0 && queuedBytes + bytes > queueBytesBound) {
            counters.droppedQueueBytes();
            brokerTraffic.droppedQueueBytes();
            return;
        }
        queuedBytes += bytes;
        queued.add(new Queued(message, clock.millis()));
    }

    private Queued dequeue() {
        Queued next = queued.poll();
        if (next != null) {
            queuedBytes -= next.message().payload().length;
        }
        return next;
    }

    private void drain() {
        Outbound to = outbound;
        RateLimiter replay = replayRate;
        while (to != null && inflight.size() < sendWindow && !queued.isEmpty()) {
            if (replaying && replay != null && !replay.tryAcquire(clock.millis())) {
                resumeReplayLater(to, replay);
                return;
            }
            Queued next = dequeue();
            // a message whose MQTT 5 expiry passed while it waited is not delivered (MQTT 5 §3.3.2.3.3)
            PublishedMessage aged = next.message().aged(clock.millis() - next.queuedAtMillis());
            if (aged != null && !to.mayReceive(aged.topic())) {
                // queued while the client was away; its policies may have changed since
                countAuthorizationFailure();
            } else if (aged != null && !to.fits(aged)) {
                countTooLarge(aged.qos());
            } else if (aged != null) {
                sendInFlight(to, aged);
            }
        }
        if (queued.isEmpty()) {
            replaying = false;
        }
    }

    private void resumeReplayLater(Outbound waiting, RateLimiter replay) {
        if (replayResumeScheduled) {
            return;
        }
        replayResumeScheduled = true;
        waiting.later(
                () -> {
                    synchronized (this) {
                        replayResumeScheduled = false;
                        if (outbound == waiting) {
                            drain();
                        }
                    }
                },
                Math.max(1, replay.millisUntilNext(clock.millis())));
    }

    private void sendInFlight(Outbound to, PublishedMessage message) {
        RateLimiter rate = publishRate;
        if (rate != null) {
            rate.tryAcquire(clock.millis()); // QoS 1 and 2 are never discarded, but use up the connection's rate
        }
        int packetId = nextFreePacketId();
        inflight.put(packetId, message);
        to.send(message, packetId, false, subscriptionIds(message.topic()));
        countSent(message);
    }

    private static final int[] NO_IDS = new int[0];

    /** The identifiers of this client's subscriptions that match {@code topic} (MQTT 5 §3.3.2.3.8). */
    private int[] subscriptionIds(String topic) {
        if (subscriptionsWithIds == 0) {
            return NO_IDS;
        }
        return subscriptions.entrySet().stream()
                .filter(entry -> entry.getValue().subscriptionId() > 0
                        && TopicFilters.matches(MessageRouter.matchingFilter(entry.getKey()), topic))
                .mapToInt(entry -> entry.getValue().subscriptionId())
                .distinct()
                .toArray();
    }

    private record Queued(PublishedMessage message, long queuedAtMillis) {}

    /** A message over the client's Maximum Packet Size, discarded as if sent (MQTT 5 §3.1.2.11.4), is counted. */
    private void countTooLarge(int qos) {
        if (qos == 0) {
            counters.droppedQos0();
            brokerTraffic.droppedQos0();
        } else {
            counters.droppedQos1();
            brokerTraffic.droppedQos1();
        }
    }

    private void countSent(PublishedMessage message) {
        counters.sent(message.payload().length);
        brokerTraffic.sent(message.payload().length);
    }

    private int nextFreePacketId() {
        while (inflight.containsKey(nextPacketId)) {
            nextPacketId = nextPacketId % 65535 + 1;
        }
        int id = nextPacketId;
        nextPacketId = nextPacketId % 65535 + 1;
        return id;
    }
}
