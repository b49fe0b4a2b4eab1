package io.fleetdeck.broker.routing;

import io.fleetdeck.broker.PublishedMessage;

/**
 * Takes every accepted publish, from clients and services alike, keeps it when retained and hands it to each matching
 * subscriber. Thread-safe; called on publishers' I/O threads.
 */
public final class MessageRouter {

    private final SubscriptionTrie subscriptions = new SubscriptionTrie();
    private final RetainedMessages retained = new RetainedMessages();

    public void route(PublishedMessage message) {
        if (message.retain()) {
            retained.retain(message);
        }
        // Retain is kept only for the copy sent to a new subscriber; live deliveries carry retain=false
        // (MQTT 3.1.1 §3.3.1.3; MQTT 5 leaves it to retain-as-published, which this broker does not offer).
        PublishedMessage live = message.withRetain(false);
        subscriptions.match(message.topic()).forEach((subscriber, qos) -> subscriber.deliver(live, qos));
    }

    public SubscriptionTrie subscriptions() {
        return subscriptions;
    }

    public RetainedMessages retained() {
        return retained;
    }
}
