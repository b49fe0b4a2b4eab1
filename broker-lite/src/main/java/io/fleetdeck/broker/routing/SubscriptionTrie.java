package io.fleetdeck.broker.routing;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ObjIntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Topic filters by level, so a publish finds its subscribers in one walk down the tree instead of testing every filter.
 * {@code +} matches one level and {@code #} the rest, and neither matches a first level that starts with {@code $}
 * (MQTT 3.1.1 §4.7.2, MQTT 5 §4.7.2). Thread-safe: publishes walk the tree without a lock (its maps are concurrent),
 * subscribes and unsubscribes take turns.
 */
public final class SubscriptionTrie {

    private static final String ONE_LEVEL = "+";
    private static final String ALL_LEVELS = "#";

    private final Node root = new Node();

    /** Adds or replaces {@code subscriber}'s subscription to {@code filter}. */
    public synchronized void subscribe(String filter, Subscriber subscriber, int qos) {
        Node node = root;
        for (String level : filter.split("/", -1)) {
            node = node.children.computeIfAbsent(level, k -> new Node());
        }
        node.subscribers.put(subscriber, qos);
    }

    /** Removes the subscription; returns whether there was one. */
    public synchronized boolean unsubscribe(String filter, Subscriber subscriber) {
        return remove(root, filter.split("/", -1), 0, subscriber);
    }

    /**
     * Every subscriber whose filters match {@code topic}, each once, with the highest QoS among its matching filters
     * (MQTT 3.1.1 §3.3.5 allows one delivery at the maximum QoS).
     */
    public Map<Subscriber, Integer> match(String topic) {
        Map<Subscriber, Integer> found = new IdentityHashMap<>();
        forEachMatch(topic, (subscriber, qos) -> found.put(subscriber, qos));
        return found;
    }

    /**
     * Calls {@code visitor} once for every subscriber whose filters match {@code topic}, with the highest QoS among
     * its matching filters. The common case, one matching filter, allocates nothing per subscriber.
     */
    public void forEachMatch(String topic, ObjIntConsumer<Subscriber> visitor) {
        List<Node> matched = new ArrayList<>(4);
        collect(root, topic, 0, topic.startsWith("$"), matched);
        if (matched.size() == 1) {
            matched.getFirst().subscribers.forEach(visitor::accept);
            return;
        }
        // a subscriber may hold several matching filters: one delivery, at the highest of their QoS
        Map<Subscriber, Integer> merged = new IdentityHashMap<>();
        for (Node node : matched) {
            node.subscribers.forEach((subscriber, qos) -> merged.merge(subscriber, qos, Math::max));
        }
        merged.forEach(visitor::accept);
    }

    /** Walks down from {@code node}, whose level ends just before {@code start} in {@code topic}. */
    private static void collect(Node node, String topic, int start, boolean reservedTopic, List<Node> matched) {
        boolean wildcardsAllowed = start > 0 || !reservedTopic;
        if (wildcardsAllowed) {
            addIfSubscribed(node.children.get(ALL_LEVELS), matched);
        }
        if (start > topic.length()) {
            addIfSubscribed(node, matched);
            return;
        }
        int slash = topic.indexOf('/', start);
        int end = slash < 0 ? topic.length() : slash;
        Node exact = node.children.get(topic.substring(start, end));
        if (exact != null) {
            collect(exact, topic, end + 1, reservedTopic, matched);
        }
        if (wildcardsAllowed) {
            Node one = node.children.get(ONE_LEVEL);
            if (one != null) {
                collect(one, topic, end + 1, reservedTopic, matched);
            }
        }
    }

    private static void addIfSubscribed(@Nullable Node node, List<Node> matched) {
        if (node != null && !node.subscribers.isEmpty()) {
            matched.add(node);
        }
    }

    private static boolean remove(Node node, String[] levels, int depth, Subscriber subscriber) {
        if (depth == levels.length) {
            return node.subscribers.remove(subscriber) != null;
        }
        Node child = node.children.get(levels[depth]);
        if (child == null) {
            return false;
        }
        boolean removed = remove(child, levels, depth + 1, subscriber);
        if (child.isEmpty()) {
            node.children.remove(levels[depth]);
        }
        return removed;
    }

    private static final class Node {
        final Map<String, Node> children = new ConcurrentHashMap<>();
        final Map<Subscriber, Integer> subscribers = new ConcurrentHashMap<>();

        boolean isEmpty() {
            return children.isEmpty() && subscribers.isEmpty();
        }
    }
}
