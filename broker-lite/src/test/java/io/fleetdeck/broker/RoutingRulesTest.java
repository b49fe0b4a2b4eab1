package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.protocol.TopicRules;
import io.fleetdeck.broker.routing.Subscriber;
import io.fleetdeck.broker.routing.SubscriptionTrie;
import io.fleetdeck.broker.routing.TopicFilters;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {

    private final TopicRules rules = new TopicRules(BrokerLimits.awsDefaults());

    @Test
    void keepAliveFollowsAwsClamping() {
        BrokerLimits limits = BrokerLimits.awsDefaults();
        assertThat(limits.clampKeepAlive(0)).isEqualTo(1200);
        assertThat(limits.clampKeepAlive(1201)).isEqualTo(1200);
        assertThat(limits.clampKeepAlive(5)).isEqualTo(30);
        assertThat(limits.clampKeepAlive(30)).isEqualTo(30);
        assertThat(limits.clampKeepAlive(600)).isEqualTo(600);
    }

    @Test
    void topicNamesFollowAwsLimits() {
        assertThat(rules.checkTopicName("a/b/c/d/e/f/g/h")).isEmpty();
        assertThat(rules.checkTopicName("a/b/c/d/e/f/g/h/i")).contains("the topic has 8 slashes, more than 7");
        assertThat(rules.checkTopicName("$aws/rules/my_rule/a/b/c/d/e/f/g/h"))
                .as("the Basic Ingest prefix does not count")
                .isEmpty();
        assertThat(rules.checkTopicName("x".repeat(257))).contains("the topic is 257 bytes, more than 256");
        assertThat(rules.checkTopicName("$SYS/broker")).isPresent();
        assertThat(rules.checkTopicName("$aws/things/pump-7/shadow/update")).isEmpty();
        assertThat(rules.checkTopicName("a/+/b")).isPresent();
        assertThat(rules.checkTopicName("")).isPresent();
    }

    @Test
    void filtersAllowWildcardsOnlyAsWholeLevels() {
        assertThat(rules.checkFilter("fleet/+/telemetry")).isEmpty();
        assertThat(rules.checkFilter("fleet/#")).isEmpty();
        assertThat(rules.checkFilter("fleet/#/x")).isPresent();
        assertThat(rules.checkFilter("fleet/pump+")).isPresent();
        assertThat(rules.checkFilter("fleet/pump#")).isPresent();
    }

    @Test
    void wildcardsDoNotMatchReservedTopicsAtTheFirstLevel() {
        assertThat(TopicFilters.matches("#", "$aws/things/a/shadow/update")).isFalse();
        assertThat(TopicFilters.matches("+/things/#", "$aws/things/a")).isFalse();
        assertThat(TopicFilters.matches("$aws/things/+/shadow/#", "$aws/things/a/shadow/update/accepted"))
                .isTrue();
        assertThat(TopicFilters.matches("a/#", "a"))
                .as("# also matches the parent level")
                .isTrue();
        assertThat(TopicFilters.matches("a/+", "a/b/c")).isFalse();
    }

    @Test
    void theTrieFindsEachSubscriberOnceAtItsHighestQos() {
        SubscriptionTrie trie = new SubscriptionTrie();
        Subscriber one = (message, qos) -> {};
        Subscriber two = (message, qos) -> {};
        trie.subscribe("fleet/+/telemetry", one, 0);
        trie.subscribe("fleet/#", one, 1);
        trie.subscribe("fleet/pump-7/telemetry", two, 0);
        trie.subscribe("#", two, 1);

        assertThat(trie.match("fleet/pump-7/telemetry"))
                .containsEntry(one, 1)
                .containsEntry(two, 1)
                .hasSize(2);
        assertThat(trie.match("$aws/things/x")).isEmpty();

        assertThat(trie.unsubscribe("fleet/#", one)).isTrue();
        assertThat(trie.unsubscribe("fleet/#", one)).isFalse();
        assertThat(trie.match("fleet/pump-7/telemetry")).containsEntry(one, 0);
    }
}
