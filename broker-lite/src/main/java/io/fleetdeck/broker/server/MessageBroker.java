package io.fleetdeck.broker.server;

import io.fleetdeck.broker.ClientActivity;
import io.fleetdeck.broker.ClientConnection;
import io.fleetdeck.broker.ClientLifecycleListener;
import io.fleetdeck.broker.MessageHandler;
import io.fleetdeck.broker.MqttChannel;
import io.fleetdeck.broker.PublishedMessage;
import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.config.MqttProfile;
import io.fleetdeck.broker.config.RateQuotas;
import io.fleetdeck.broker.metrics.BrokerCounters;
import io.fleetdeck.broker.metrics.ClientStats;
import io.fleetdeck.broker.metrics.DisconnectReason;
import io.fleetdeck.broker.metrics.SecurityCounters;
import io.fleetdeck.broker.metrics.TopicActivity;
import io.fleetdeck.broker.protocol.TopicRules;
import io.fleetdeck.broker.routing.MessageRouter;
import io.fleetdeck.broker.session.Session;
import io.fleetdeck.broker.session.SessionStore;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker without its wire: routing, retained messages, sessions and client lifecycle, shared by every connection
 * and offered to services as the in-process {@link MqttChannel}. Thread-safe.
 */
public final class MessageBroker implements MqttChannel {

    private static final Logger log = LoggerFactory.getLogger(MessageBroker.class);

    private final BrokerLimits limits;
    private final MqttProfile profile;
    private final RateQuotas quotas;
    private final Map<String, Long> lastConnectMillis = new ConcurrentHashMap<>();
    private final TopicRules topicRules;
    private final MessageRouter router = new MessageRouter();
    private final SessionStore sessions;
    private final Clock clock;
    private final List<ClientLifecycleListener> lifecycleListeners = new CopyOnWriteArrayList<>();
    private final BrokerCounters counters = new BrokerCounters();
    private final Map<String, ClientConnection> connections = new ConcurrentHashMap<>();
    private final TopicActivity topicActivity = new TopicActivity(10_000, 1024);
    private final DelayedWills wills = new DelayedWills(this::route);
    private final LifecycleEvents lifecycleEvents;
    private final SecurityCounters security = new SecurityCounters(100_000);
    private final ClientActivity activity = new ClientActivity();

    public MessageBroker(BrokerLimits limits, Clock clock) {
        this(limits, RateQuotas.OFF, clock);
    }

    public MessageBroker(BrokerLimits limits, RateQuotas quotas, Clock clock) {
        this(limits, quotas, clock, MqttProfile.AWS);
    }

    /** Under {@code profile}, which lifts {@code configured}'s limits where it follows MQTT rather than AWS. */
    public MessageBroker(BrokerLimits configured, RateQuotas quotas, Clock clock, MqttProfile profile) {
        this.profile = profile;
        this.limits = profile.limits(configured);
        this.quotas = quotas;
        this.clock = clock;
        this.topicRules = new TopicRules(limits, profile);
        this.sessions = new SessionStore(router, limits, quotas, clock, counters.traffic());
        this.lifecycleEvents = new LifecycleEvents(this::route, clock);
    }

    /** Broker-wide counts since start. */
    public BrokerCounters.Stats stats() {
        return counters.snapshot();
    }

    /** Every client with a session, connected or away, with its counts; sorted by client id. */
    public List<ClientStats> clients() {
        return sessions.all().stream()
                .map(session -> new ClientStats(
                        session.clientId(),
                        connections.get(session.clientId()),
                        session.queuedCount(),
                        session.traffic()))
                .sorted(Comparator.comparing(ClientStats::clientId))
                .toList();
    }

    /** Messages per topic and each topic's last payload, for the Broker view. */
    public List<TopicActivity.TopicStats> topics() {
        return topicActivity.snapshot();
    }

    /** Every accepted publish, from clients and services: counted per topic, then routed. */
    void route(PublishedMessage message) {
        long now = clock.millis();
        topicActivity.record(message, now);
        router.route(message, now);
    }

    /** Retained messages held now. */
    public int retainedCount() {
        return router.retained().size();
    }

    @Override
    public Subscription subscribe(String filter, MessageHandler handler) {
        topicRules.checkSubscription(filter).ifPresent(problem -> {
            throw new IllegalArgumentException("cannot subscribe to " + filter + ": " + problem);
        });
        InternalSubscription subscription = new InternalSubscription(filter, handler);
        router.subscribe(filter, subscription, 1);
        return () -> {
            router.unsubscribe(filter, subscription);
            subscription.close();
        };
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retain) {
        topicRules.checkTopicName(topic).ifPresent(problem -> {
            throw new IllegalArgumentException("cannot publish to " + topic + ": " + problem);
        });
        route(PublishedMessage.fromService(topic, payload, qos, retain));
    }

    @Override
    public boolean publishTo(String clientId, String topic, byte[] payload, int qos) {
        Session session = sessions.find(clientId);
        if (session == null) {
            return false;
        }
        // never above what the profile grants clients: QoS 1 under AWS's rules
        int granted = Math.min(qos, profile.maximumQos());
        session.deliver(PublishedMessage.fromService(topic, payload, granted, false), granted);
        return true;
    }

    @Override
    public Subscription onClientLifecycle(ClientLifecycleListener listener) {
        lifecycleListeners.add(listener);
        return () -> lifecycleListeners.remove(listener);
    }

    void connected(ClientConnection connection) {
        counters.connected();
        heardFrom(connection.clientId());
        connections.put(connection.clientId(), connection);
        lifecycleEvents.connected(connection);
        for (ClientLifecycleListener listener : lifecycleListeners) {
            try {
                listener.connected(connection);
            } catch (RuntimeException e) {
                log.warn("Lifecycle listener failed on the connection of {}", connection.clientId(), e);
            }
        }
    }

    void disconnected(ClientConnection connection, DisconnectReason category, String reason) {
        counters.disconnected(category);
        connections.remove(connection.clientId(), connection);
        lifecycleEvents.disconnected(connection, category);
        for (ClientLifecycleListener listener : lifecycleListeners) {
            try {
                listener.disconnected(connection, reason);
            } catch (RuntimeException e) {
                log.warn("Lifecycle listener failed on the disconnection of {}", connection.clientId(), e);
            }
        }
    }

    /** A client's connect or publish: it was seen now. */
    void heardFrom(String clientId) {
        activity.heard(clientId, clock.millis());
    }

    @Override
    public ClientActivity clientActivity() {
        return activity;
    }

    /**
     * Whether a CONNECT for {@code clientId} fits AWS's connect rate per client id (when the quotas are on); a client
     * that reconnects in a tight loop is refused rather than allowed to churn sessions.
     */
    boolean admitConnect(String clientId) {
        int perSecond = quotas.connectsPerSecondPerClientId();
        if (perSecond <= 0) {
            return true;
        }
        long now = clock.millis();
        long spacing = 1000L / perSecond;
        boolean[] admitted = {false};
        lastConnectMillis.compute(clientId, (id, last) -> {
            admitted[0] = last == null || now - last >= spacing;
            return admitted[0] ? now : last;
        });
        return admitted[0];
    }

    /** Forgets connect times old enough not to matter; called with session expiry. */
    void forgetOldConnects() {
        long now = clock.millis();
        lastConnectMillis.values().removeIf(last -> now - last > 1000);
    }

    /** A connection refused by its certificate or policies, before it had a session to count it against. */
    void authorizationFailed(String clientId) {
        counters.traffic().authorizationFailure();
        security.authorizationFailure(clientId);
    }

    /** A publish, subscription or delivery its policies did not allow, for Defender's per-client counts. */
    void authorizationFailedAfterConnect(String clientId) {
        security.authorizationFailure(clientId);
    }

    void connectionAttempt(String clientId, @Nullable String sourceIp) {
        security.connectionAttempt(clientId, sourceIp);
    }

    /** Connection attempts, authorization failures and source addresses per client id, for Device Defender. */
    public SecurityCounters security() {
        return security;
    }

    RateQuotas quotas() {
        return quotas;
    }

    /** A client's granted subscriptions or unsubscriptions, for the lifecycle events on $aws/events/subscriptions. */
    void subscriptionsChanged(ClientConnection client, String eventType, List<String> filters) {
        lifecycleEvents.subscriptions(client, eventType, filters);
    }

    DelayedWills wills() {
        return wills;
    }

    public BrokerLimits limits() {
        return limits;
    }

    /** The rules both listeners follow: AWS IoT Core's or standard MQTT's. */
    public MqttProfile profile() {
        return profile;
    }

    TopicRules topicRules() {
        return topicRules;
    }

    MessageRouter router() {
        return router;
    }

    SessionStore sessions() {
        return sessions;
    }

    Clock clock() {
        return clock;
    }
}
