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

    private final Map<String, PublishedMessage> byTopic = new ConcurrentHashMap<>();

    public void retain(PublishedMessage message) {
        if (message.payload().length == 0) {
            byTopic.remove(message.topic());
        } else {
            byTopic.put(message.topic(), message);
        }
    }

    public List<PublishedMessage> matching(String filter) {
        return byTopic.values().stream()
                .filter(message -> TopicFilters.matches(filter, message.topic()))
                .toList();
    }

    public int size() {
        return byTopic.size();
    }
}
