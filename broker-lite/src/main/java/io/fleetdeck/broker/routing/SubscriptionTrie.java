package io.fleetdeck.broker.routing;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Topic filters by level, so a publish finds its subscribers in one walk down the tree instead of testing every filter.
 * {@code +} matches one level and {@code #} the rest, and neither matches a first level that starts with {@code $}
 * (MQTT 3.1.1 §4.7.2, MQTT 5 §4.7.2). Thread-safe: many readers (publishes) at once, one writer at a time.
 */
public final class SubscriptionTrie {

    private static final String ONE_LEVEL = "+";
    private static final String ALL_LEVELS = "#";

    private final Node root = new Node();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** Adds or replaces {@code subscriber}'s subscription to {@code filter}. */
    public void subscribe(String filter, Subscriber subscriber, int qos) {
        lock.writeLock().lock();
        try {
            Node node = root;
            for (String level : filter.split("/", -1)) {
                node = node.children.computeIfAbsent(level, k -> new Node());
            }
            node.subscribers.put(subscriber, qos);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the subscription; returns whether there was one. */
    public boolean unsubscribe(String filter, Subscriber subscriber) {
        lock.writeLock().lock();
        try {
            return remove(root, filter.split("/", -1), 0, subscriber);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Every subscriber whose filters match {@code topic}, each once, with the highest QoS among its matching filters
     * (MQTT 3.1.1 §3.3.5 allows one delivery at the maximum QoS).
     */
    public Map<Subscriber, Integer> match(String topic) {
        String[] levels = topic.split("/", -1);
        Map<Subscriber, Integer> found = new IdentityHashMap<>();
        lock.readLock().lock();
        try {
            collect(root, levels, 0, topic.startsWith("$"), found);
        } finally {
            lock.readLock().unlock();
        }
        return found;
    }

    private static void collect(
            Node node, String[] levels, int depth, boolean reservedTopic, Map<Subscriber, Integer> found) {
        boolean wildcardsAllowed = depth > 0 || !reservedTopic;
        if (wildcardsAllowed) {
            Node rest = node.children.get(ALL_LEVELS);
            if (rest != null) {
                addAll(rest, found);
            }
        }
        if (depth == levels.length) {
            addAll(node, found);
            return;
        }
        Node exact = node.children.get(levels[depth]);
        if (exact != null) {
            collect(exact, levels, depth + 1, reservedTopic, found);
        }
        if (wildcardsAllowed) {
            Node one = node.children.get(ONE_LEVEL);
            if (one != null) {
                collect(one, levels, depth + 1, reservedTopic, found);
            }
        }
    }

    private static void addAll(Node node, Map<Subscriber, Integer> found) {
        node.subscribers.forEach((subscriber, qos) -> found.merge(subscriber, qos, Math::max));
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
        final Map<String, Node> children = new HashMap<>();
        final Map<Subscriber, Integer> subscribers = new IdentityHashMap<>();

        boolean isEmpty() {
            return children.isEmpty() && subscribers.isEmpty();
        }
    }
}
