package io.fleetdeck.fleet.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random update documents — broken JSON, deep nesting, huge strings, odd types — only ever get one of the documented
 * answers (AWS-IOT-BEHAVIOUR §1.9): accepted, or a rejection with a documented code and message.
 */
class ShadowDocumentFuzzTest {

    private static final Set<Integer> DOCUMENTED_CODES = Set.of(400, 409, 413, 415);

    @Property(tries = 2000)
    void anyPayloadIsAcceptedOrRefusedWithADocumentedError(@ForAll("payloads") byte[] payload) {
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

    @Provide
    Arbitrary<byte[]> payloads() {
        Arbitrary<String> key =
                Arbitraries.of("state", "desired", "reported", "delta", "version", "clientToken", "a", "");
        Arbitrary<String> fragment = Arbitraries.oneOf(
                Arbitraries.of("{", "}", "[", "]", ",", ":", "null", "true", "1", "-1", "1.5e300", "\"x\""),
                key.map(k -> "\"" + k + "\""),
                Arbitraries.strings().ofMaxLength(3));
        Arbitrary<String> jsonish = fragment.list().ofMaxSize(60).map(parts -> String.join("", parts));
        Arbitrary<String> deep = Arbitraries.integers()
                .between(1, 40)
                .map(depth -> "{\"state\":{\"desired\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}}");
        Arbitrary<String> huge = Arbitraries.integers()
                .between(1, 20_000)
                .map(size -> "{\"state\":{\"reported\":{\"blob\":\"" + "z".repeat(size) + "\"}}}");
        Arbitrary<String> typed = Arbitraries.of(
                        "{\"state\":{\"desired\":%s}}", "{\"state\":{\"desired\":{\"a\":1}},\"version\":%s}",
                        "{\"state\":{\"desired\":{\"a\":1}},\"clientToken\":%s}", "{\"state\":%s}")
                .flatMap(template -> Arbitraries.of(
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
                                "99999999999999999999")
                        .map(value -> template.formatted(value)));
        Arbitrary<byte[]> text =
                Arbitraries.oneOf(jsonish, deep, huge, typed).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        return Arbitraries.oneOf(text, raw);
    }
}
