package io.fleetdeck.broker.metrics;

import io.fleetdeck.broker.PublishedMessage;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Messages per topic and the last payload of each, for the Broker view's topic tree. Bounded: at most
 * {@code maxTopics} topics are tracked (later ones are counted only in the broker's totals), and a kept payload is cut
 * to {@code maxPayloadBytes}. Recording is a map lookup and an add, cheap enough for every publish. Thread-safe.
 */
public final class TopicActivity {

    private final int maxTopics;
    private final int maxPayloadBytes;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();

    public TopicActivity(int maxTopics, int maxPayloadBytes) {
        this.maxTopics = maxTopics;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    public void record(PublishedMessage message, long epochMillis) {
        Topic topic = topics.get(message.topic());
        if (topic == null) {
            if (topics.size() >= maxTopics) {
                return;
            }
            topic = topics.computeIfAbsent(message.topic(), name -> new Topic());
        }
        topic.messages.increment();
        byte[] payload = message.payload();
        topic.last = new Last(
                payload.length <= maxPayloadBytes ? payload : Arrays.copyOf(payload, maxPayloadBytes),
                payload.length,
                epochMillis);
    }

    /** Every tracked topic, sorted by name. */
    public List<TopicStats> snapshot() {
        return topics.entrySet().stream()
                .map(entry -> {
                    Last last = entry.getValue().last;
                    return new TopicStats(
                            entry.getKey(),
                            entry.getValue().messages.sum(),
                            last.payload(),
                            last.fullLength(),
                            last.epochMillis());
                })
                .sorted(Comparator.comparing(TopicStats::topic))
                .toList();
    }

    /**
     * @param lastPayload the last message's payload, cut to the tracker's bound
     * @param lastPayloadLength its length before cutting
     */
    public record TopicStats(
            String topic, long messages, byte[] lastPayload, int lastPayloadLength, long lastEpochMillis) {}

    private record Last(byte[] payload, int fullLength, long epochMillis) {}

    private static final class Topic {
        final LongAdder messages = new LongAdder();
        volatile Last last = new Last(new byte[0], 0, 0);
    }
}
