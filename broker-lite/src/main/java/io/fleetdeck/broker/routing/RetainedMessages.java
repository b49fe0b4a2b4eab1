package io.fleetdeck.broker.routing;

import io.fleetdeck.broker.PublishedMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last retained message of each topic: one per topic, and a retained publish with an empty payload deletes it
 * (AWS-IOT-BEHAVIOUR §0.1, MQTT 3.1.1 §3.3.1.3). Thread-safe.
 */
public final class RetainedMessages {

    private record Kept(PublishedMessage message, long retainedAtMillis) {}

    private final Map<String, Kept> byTopic = new ConcurrentHashMap<>();

    public void retain(PublishedMessage message, long nowMillis) {
        if (message.payload().length == 0) {
            byTopic.remove(message.topic());
        } else {
            byTopic.put(message.topic(), new Kept(message, nowMillis));
        }
    }

    /** The retained messages for a new subscription, their MQTT 5 expiry counted down; expired ones are gone. */
    public List<PublishedMessage> matching(String filter, long nowMillis) {
        return byTopic.values().stream()
                .filter(kept -> TopicFilters.matches(filter, kept.message().topic()))
                .map(kept -> {
                    PublishedMessage aged = kept.message().aged(nowMillis - kept.retainedAtMillis());
                    if (aged == null) {
                        byTopic.remove(kept.message().topic(), kept);
                    }
                    return aged;
                })
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    public int size() {
        return byTopic.size();
    }
}
