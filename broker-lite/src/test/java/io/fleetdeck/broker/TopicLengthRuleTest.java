package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.broker.protocol.TopicRules;
import io.fleetdeck.broker.server.BrokerLimits;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** The 256-byte topic limit counts UTF-8 bytes, not characters, as AWS does. */
class TopicLengthRuleTest {

    private final TopicRules rules = new TopicRules(BrokerLimits.awsDefaults());

    @Property(tries = 300)
    void aTopicIsTooLongExactlyWhenItsUtf8FormPassesTheLimit(
            @ForAll
                    @StringLength(min = 1, max = 200)
                    @CharRange(from = 'a', to = 'z')
                    @CharRange(from = 'à', to = 'ÿ')
                    @CharRange(from = '\u4e00', to = '\u4fff')
                    @CharRange(from = '0', to = '9')
                    String topic) {
        boolean tooLong = topic.getBytes(StandardCharsets.UTF_8).length > 256;

        assertThat(rules.checkTopicName(topic))
                .as("topic of %d bytes", topic.getBytes(StandardCharsets.UTF_8).length)
                .matches(problem -> problem.isPresent() == tooLong
                        && problem.map(p -> p.contains("more than 256")).orElse(true));
    }

    @Property(tries = 100)
    void fourByteCharactersCountAsFour(
            @ForAll @StringLength(min = 60, max = 70) @CharRange(from = 'a', to = 'c') String prefix) {
        String topic = prefix + "\uD83D\uDE80".repeat(48); // a rocket is 4 bytes in UTF-8
        boolean tooLong = prefix.length() + 4 * 48 > 256;

        assertThat(rules.checkTopicName(topic).isPresent()).isEqualTo(tooLong);
    }
}
