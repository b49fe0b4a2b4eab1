package io.fleetdeck.fleet.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random update documents — broken JSON, deep nesting, huge strings, odd types — only ever get one of the documented
 * answers (AWS-IOT-BEHAVIOUR §1.9): accepted, or a rejection with a documented code and message.
 *
 * <p>The fuzz target runs its seeds (src/test/resources/.../ShadowDocumentFuzzTestInputs) in every build and is
 * fuzzed, coverage-guided, by Jazzer with {@code JAZZER_FUZZ=1} (bench/README.md); the property below puts 2,000
 * generated payloads through the same check in every build.
 */
class ShadowDocumentFuzzTest {

    private static final Set<Integer> DOCUMENTED_CODES = Set.of(400, 409, 413, 415);

    @FuzzTest
    @DictionaryEntries({
        "\"state\"",
        "\"desired\"",
        "\"reported\"",
        "\"delta\"",
        "\"version\"",
        "\"clientToken\"",
        "null",
        "true",
        "1.5e300",
        "99999999999999999999"
    })
    void anyPayloadIsAcceptedOrRefusedWithADocumentedError(byte[] payload) {
        assertAcceptedOrRefusedWithADocumentedError(payload);
    }

    @Test
    void generatedPayloadsAreAcceptedOrRefusedWithADocumentedError() {
        qt().withExamples(2000)
                .forAll(payloads())
                .checkAssert(ShadowDocumentFuzzTest::assertAcceptedOrRefusedWithADocumentedError);
    }

    static void assertAcceptedOrRefusedWithADocumentedError(byte[] payload) {
        try {
            UpdateRequest request = UpdateRequest.parse(payload);
            ShadowState after = ShadowEngine.apply(null, 0, request, 1_795_000_000L);
            assertThat(after.version()).isEqualTo(1);
            ShadowResponses.accepted(request, after);
            ShadowResponses.get(after, request.clientToken());
        } catch (ShadowException refused) {
            assertThat(DOCUMENTED_CODES).contains(refused.code());
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    private static Gen<byte[]> payloads() {
        Gen<String> key =
                Generate.pick(List.of("state", "desired", "reported", "delta", "version", "clientToken", "a", ""));
        Gen<String> fragment = Generate.oneOf(
                Generate.pick(List.of("{", "}", "[", "]", ",", ":", "null", "true", "1", "-1", "1.5e300", "\"x\"")),
                key.map(k -> "\"" + k + "\""),
                strings().allPossible().ofLengthBetween(0, 3));
        Gen<String> jsonish = lists().of(fragment).ofSizeBetween(0, 60).map(parts -> String.join("", parts));
        Gen<String> deep = integers()
                .between(1, 40)
                .map(depth -> "{\"state\":{\"desired\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}}");
        Gen<String> huge = integers()
                .between(1, 20_000)
                .map(size -> "{\"state\":{\"reported\":{\"blob\":\"" + "z".repeat(size) + "\"}}}");
        Gen<String> typed = Generate.pick(List.of(
                        "{\"state\":{\"desired\":%s}}",
                        "{\"state\":{\"desired\":{\"a\":1}},\"version\":%s}",
                        "{\"state\":{\"desired\":{\"a\":1}},\"clientToken\":%s}",
                        "{\"state\":%s}"))
                .zip(
                        Generate.pick(List.of(
                                "null",
                                "1",
                                "-3",
                                "2.5",
                                "\"s\"",
                                "[1,null]",
                                "[]",
                                "{}",
                                "true",
                                "{\"b\":null}",
                                "99999999999999999999")),
                        (template, value) -> template.formatted(value));
        Gen<byte[]> text = Generate.oneOf(jsonish, deep, huge, typed).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Gen<byte[]> raw =
                Generate.byteArrays(Generate.range(0, 40), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
        return text.mix(raw, 50);
    }
}
