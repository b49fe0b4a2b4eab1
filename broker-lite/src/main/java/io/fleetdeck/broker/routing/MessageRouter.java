package io.fleetdeck.broker.routing;

import io.fleetdeck.broker.PublishedMessage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Takes every accepted publish, from clients and services alike, keeps it when retained and hands it to each matching
 * subscriber; a shared subscription {@code $share/<group>/<filter>} counts as one subscriber whose members take turns.
 * Thread-safe; called on publishers' I/O threads.
 */
public final class MessageRouter {

    private static final String SHARE_PREFIX = "$share/";

    private final SubscriptionTrie subscriptions = new SubscriptionTrie();
    private final RetainedMessages retained = new RetainedMessages();
    private final Map<String, SharedGroup> sharedGroups = new ConcurrentHashMap<>();

    public void route(PublishedMessage message, long nowMillis) {
        if (message.retain()) {
            retained.retain(message, nowMillis);
        }
        // Retain is kept for the copy sent to a new subscriber; live deliveries carry retain=false (MQTT 3.1.1
        // §3.3.1.3) unless the subscription asked for MQTT 5's Retain As Published: each subscriber decides
        subscriptions.forEachMatch(message.topic(), (subscriber, qos) -> subscriber.deliverLive(message, qos));
    }

    /** Subscribes to a filter, or joins a shared subscription when it is {@code $share/<group>/<filter>}. */
    public synchronized void subscribe(String filterOrShare, Subscriber subscriber, int qos) {
        SharedName shared = SharedName.parse(filterOrShare);
        if (shared == null) {
            subscriptions.subscribe(filterOrShare, subscriber, qos);
            return;
        }
        SharedGroup group = sharedGroups.computeIfAbsent(filterOrShare, name -> {
            SharedGroup created = new SharedGroup();
            subscriptions.subscribe(shared.filter(), created, 1);
            return created;
        });
        group.add(subscriber, qos);
    }

    public synchronized boolean unsubscribe(String filterOrShare, Subscriber subscriber) {
        SharedName shared = SharedName.parse(filterOrShare);
        if (shared == null) {
            return subscriptions.unsubscribe(filterOrShare, subscriber);
        }
        SharedGroup group = sharedGroups.get(filterOrShare);
        if (group == null || !group.remove(subscriber)) {
            return false;
        }
        if (group.isEmpty()) {
            sharedGroups.remove(filterOrShare);
            subscriptions.unsubscribe(shared.filter(), group);
        }
        return true;
    }

    public static boolean isShared(String filter) {
        return filter.startsWith(SHARE_PREFIX);
    }

    /** The filter a subscription matches topics with: the part after the group for a shared one. */
    public static String matchingFilter(String filterOrShare) {
        SharedName shared = SharedName.parse(filterOrShare);
        return shared == null ? filterOrShare : shared.filter();
    }

    public SubscriptionTrie subscriptions() {
        return subscriptions;
    }

    public RetainedMessages retained() {
        return retained;
    }

    /** {@code $share/<group>/<filter>}: the group name has no wildcards and the filter is not empty (MQTT 5 §4.8.2). */
    record SharedName(String group, String filter) {
        static @Nullable SharedName parse(String text) {
            if (!text.startsWith(SHARE_PREFIX)) {
                return null;
            }
            int slash = text.indexOf('/', SHARE_PREFIX.length());
            if (slash < 0) {
                return new SharedName(text.substring(SHARE_PREFIX.length()), "");
            }
            return new SharedName(text.substring(SHARE_PREFIX.length(), slash), text.substring(slash + 1));
        }
    }
}
