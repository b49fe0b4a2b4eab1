package io.fleetdeck.broker.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Any text given as a policy document is a policy or a {@link PolicyDocumentException} that points at a line and
 * column, never another exception.
 *
 * <p>The fuzz target runs its seeds (src/test/resources/.../PolicyFuzzTestInputs) in every build and is fuzzed,
 * coverage-guided, by Jazzer with {@code JAZZER_FUZZ=1} (bench/README.md); the property below puts 2,000
 * generated documents through the same check in every build.
 */
class PolicyFuzzTest {

    @FuzzTest
    @DictionaryEntries({
        "\"Version\"",
        "\"2012-10-17\"",
        "\"Statement\"",
        "\"Effect\"",
        "\"Allow\"",
        "\"Deny\"",
        "\"Action\"",
        "\"iot:*\"",
        "\"Resource\"",
        "\"Condition\"",
        "\"StringLike\"",
        "\"iot:ClientId\"",
        "\"${iot:ClientId}\"",
        "\"NotAction\"",
        "\"NotResource\"",
        "\"arn:aws:iot:*:*:topic/\""
    })
    void anyTextIsAPolicyOrAPositionedError(byte[] input) {
        assertIsAPolicyOrAPositionedError(new String(input, StandardCharsets.UTF_8));
    }

    @Test
    void generatedDocumentsAreAPolicyOrAPositionedError() {
        qt().withExamples(2000)
                .forAll(documentLikeText())
                .checkAssert(PolicyFuzzTest::assertIsAPolicyOrAPositionedError);
    }

    static void assertIsAPolicyOrAPositionedError(String text) {
        try {
            PolicyParser.parse(text);
        } catch (PolicyDocumentException expected) {
            assertThat(expected.line()).as("line of %s", expected).isPositive();
            assertThat(expected.column()).as("column of %s", expected).isPositive();
            assertThat(expected.reason()).isNotBlank();
        }
    }

    private static Gen<String> documentLikeText() {
        Gen<String> fragments = Generate.pick(List.of(
                "{",
                "}",
                "[",
                "]",
                ",",
                ":",
                "\"Version\"",
                "\"2012-10-17\"",
                "\"Statement\"",
                "\"Effect\"",
                "\"Allow\"",
                "\"Deny\"",
                "\"Action\"",
                "\"iot:*\"",
                "\"Resource\"",
                "\"*\"",
                "\"Condition\"",
                "\"StringLike\"",
                "\"iot:ClientId\"",
                "true",
                "1",
                "null",
                "\"${iot:ClientId}\"",
                " ",
                "\n",
                "\""));
        Gen<String> soup = lists().of(fragments).ofSizeBetween(0, 40).map(parts -> String.join("", parts));
        return soup.mix(strings().allPossible().ofLengthBetween(0, 60), 50);
    }
}
