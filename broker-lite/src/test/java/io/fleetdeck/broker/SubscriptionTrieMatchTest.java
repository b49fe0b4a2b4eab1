package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.fleetdeck.broker.routing.Subscriber;
import io.fleetdeck.broker.routing.SubscriptionTrie;
import io.fleetdeck.broker.routing.TopicFilters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The trie, walked level by level without locks, answers exactly what testing every filter one by one answers. */
class SubscriptionTrieMatchTest {

    record Subscription(int subscriber, String filter, int qos) {}

    @Test
    void matchesWhatEveryFilterTestedAloneMatches() {
        qt().withExamples(500).forAll(subscriptions(), topics()).checkAssert((subscriptions, topic) -> {
            Subscriber[] subscribers = new Subscriber[4];
            for (int i = 0; i < subscribers.length; i++) {
                subscribers[i] = new NamedSubscriber("s" + i);
            }
            SubscriptionTrie trie = new SubscriptionTrie();
            Map<Subscriber, Map<String, Integer>> held = new HashMap<>();
            for (Subscription subscription : subscriptions) {
                Subscriber subscriber = subscribers[subscription.subscriber()];
                trie.subscribe(subscription.filter(), subscriber, subscription.qos());
                held.computeIfAbsent(subscriber, s -> new HashMap<>()).put(subscription.filter(), subscription.qos());
            }

            Map<Subscriber, Integer> expected = new HashMap<>();
            held.forEach((subscriber, filters) -> filters.forEach((filter, qos) -> {
                if (TopicFilters.matches(filter, topic)) {
                    expected.merge(subscriber, qos, Math::max);
                }
            }));

            assertThat(trie.match(topic))
                    .as("%s matched against %s", topic, subscriptions)
                    .containsExactlyInAnyOrderEntriesOf(expected);
        });
    }

    private static Gen<List<Subscription>> subscriptions() {
        Gen<String> level = Generate.pick(List.of("a", "b", "+", "$aws", "things", ""));
        Gen<String> filter = lists().of(level)
                .ofSizeBetween(1, 4)
                .map(levels -> String.join("/", levels))
                .zip(Generate.booleans(), (f, multiLevel) -> multiLevel ? (f.isEmpty() ? "#" : f + "/#") : f)
                .assuming(f -> !f.isEmpty());
        Gen<Subscription> subscription =
                integers().between(0, 3).zip(filter, integers().between(0, 1), Subscription::new);
        return lists().of(subscription).ofSizeBetween(0, 12);
    }

    private static Gen<String> topics() {
        return lists().of(Generate.pick(List.of("a", "b", "$aws", "things", "", "c")))
                .ofSizeBetween(1, 5)
                .map(levels -> String.join("/", levels))
                .assuming(t -> !t.isEmpty());
    }

    private record NamedSubscriber(String name) implements Subscriber {
        @Override
        public void deliver(PublishedMessage message, int grantedQos) {}
    }
}
