package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.fleetdeck.broker.config.BrokerLimits;
import io.fleetdeck.broker.protocol.TopicRules;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The 256-byte topic limit counts UTF-8 bytes, not characters, as AWS does. */
class TopicLengthRuleTest {

    private final TopicRules rules = new TopicRules(BrokerLimits.awsDefaults());

    @Test
    void aTopicIsTooLongExactlyWhenItsUtf8FormPassesTheLimit() {
        qt().withExamples(300).forAll(topics()).checkAssert(topic -> {
            int bytes = topic.getBytes(StandardCharsets.UTF_8).length;
            boolean tooLong = bytes > 256;

            assertThat(rules.checkTopicName(topic))
                    .as("topic of %d bytes", bytes)
                    .matches(problem -> problem.isPresent() == tooLong
                            && problem.map(p -> p.contains("more than 256")).orElse(true));
        });
    }

    @Test
    void fourByteCharactersCountAsFour() {
        Gen<String> prefixes =
                lists().of(Generate.characters('a', 'c')).ofSizeBetween(60, 70).map(TopicLengthRuleTest::text);
        qt().withExamples(100).forAll(prefixes).checkAssert(prefix -> {
            String topic = prefix + "\uD83D\uDE80".repeat(48); // a rocket is 4 bytes in UTF-8
            boolean tooLong = prefix.length() + 4 * 48 > 256;

            assertThat(rules.checkTopicName(topic).isPresent()).isEqualTo(tooLong);
        });
    }

    /** Letters of one, two and three UTF-8 bytes; half the topics are padded to within two bytes of the limit. */
    private static Gen<String> topics() {
        Gen<Character> letters = Generate.oneOf(
                Generate.characters('a', 'z'),
                Generate.characters('à', 'ÿ'),
                Generate.characters('\u4e00', '\u4fff'),
                Generate.characters('0', '9'));
        Gen<String> any = lists().of(letters).ofSizeBetween(1, 200).map(TopicLengthRuleTest::text);
        Gen<String> nearTheLimit = lists().of(letters)
                .ofSizeBetween(1, 80)
                .map(TopicLengthRuleTest::text)
                .zip(integers().between(254, 258), TopicLengthRuleTest::paddedTo);
        return any.mix(nearTheLimit, 50);
    }

    private static String paddedTo(String start, int bytes) {
        int have = start.getBytes(StandardCharsets.UTF_8).length;
        return have >= bytes ? start : start + "a".repeat(bytes - have);
    }

    private static String text(List<Character> characters) {
        return characters.stream().map(String::valueOf).collect(Collectors.joining());
    }
}
