package io.fleetdeck.fleet.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The history's document, put together from section texts, is exactly the text Jackson writes for it. */
class ShadowTextTest {

    @ParameterizedTest(name = "desired {0}, reported {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "{\"a\":1} | {\"b\":\"ünï\\\"code\"}",
                "{\"nested\":{\"x\":[1,2,{\"y\":null}]}} | none",
                "none | {\"on\":true}",
                "none | none",
            })
    void theDocumentTextIsJacksons(String desired, String reported) throws Exception {
        ShadowState state = new ShadowState(
                object(desired),
                object(reported),
                desired == null ? null : object("{\"a\":{\"timestamp\":1795000000}}"),
                reported == null ? null : object("{\"on\":{\"timestamp\":1795000001}}"),
                7,
                1_795_000_001L);
        String expected = ShadowResponses.documents(ShadowState.empty(6), state, null)
                .path("current")
                .toString();
        assertThat(ShadowText.of(state).document(7)).isEqualTo(expected);
    }

    private static ObjectNode object(String json) throws Exception {
        return json == null ? null : (ObjectNode) UpdateRequest.JSON.readTree(json);
    }
}
