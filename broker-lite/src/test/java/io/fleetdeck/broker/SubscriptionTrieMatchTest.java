package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.broker.routing.Subscriber;
import io.fleetdeck.broker.routing.SubscriptionTrie;
import io.fleetdeck.broker.routing.TopicFilters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The trie, walked level by level without locks, answers exactly what testing every filter one by one answers. */
class SubscriptionTrieMatchTest {

    record Subscription(int subscriber, String filter, int qos) {}

    @Property(tries = 500)
    void matchesWhatEveryFilterTestedAloneMatches(
            @ForAll("subscriptions") List<Subscription> subscriptions, @ForAll("topics") String topic) {
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

        assertThat(trie.match(topic)).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Provide
    Arbitrary<List<Subscription>> subscriptions() {
        Arbitrary<String> level = Arbitraries.of("a", "b", "+", "$aws", "things", "");
        Arbitrary<String> filter = level.list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .map(levels -> String.join("/", levels))
                .flatMap(f -> Arbitraries.of(f, f.isEmpty() ? "#" : f + "/#"))
                .filter(f -> !f.isEmpty());
        return Combinators.combine(
                        Arbitraries.integers().between(0, 3),
                        filter,
                        Arbitraries.integers().between(0, 1))
                .as(Subscription::new)
                .list()
                .ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> topics() {
        return Arbitraries.of("a", "b", "$aws", "things", "", "c")
                .list()
                .ofMinSize(1)
                .ofMaxSize(5)
                .map(levels -> String.join("/", levels))
                .filter(t -> !t.isEmpty());
    }

    private record NamedSubscriber(String name) implements Subscriber {
        @Override
        public void deliver(PublishedMessage message, int grantedQos) {}
    }
}
