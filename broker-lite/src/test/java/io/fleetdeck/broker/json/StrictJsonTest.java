package io.fleetdeck.broker.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonToken;
import io.fleetdeck.broker.json.StrictJsonException.Rule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the one JSON reader refuses that plain Jackson lets through, and where it says the problem is. */
class StrictJsonTest {

    /** Reads the whole document as a token walk, the way PositionedJson and databind's tree builder do. */
    private static List<String> tokens(String json) throws StrictJsonException {
        return StrictJson.read(json.getBytes(StandardCharsets.UTF_8), parser -> {
            List<String> seen = new ArrayList<>();
            JsonToken first = parser.nextToken();
            if (first == null) {
                return seen;
            }
            int open = 0;
            JsonToken token = first;
            do {
                seen.add(token == JsonToken.FIELD_NAME ? parser.currentName() : parser.getText());
                open += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
            } while (open > 0 && (token = parser.nextToken()) != null);
            return seen;
        });
    }

    @ParameterizedTest(name = "{0} is refused: {1} at {2}:{3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\":1e999}                         | NUMBER_OUT_OF_RANGE | 1 | 6  | the number 1e999 is too large",
                "{\"a\":-1e999}                        | NUMBER_OUT_OF_RANGE | 1 | 6  | the number -1e999 is too large",
                "{\"a\":\"\\ud800\"}                   | LONE_SURROGATE      | 1 | 6  | a string holds the lone surrogate \\ud800",
                "{\"a\":\"x\\udc00y\"}                 | LONE_SURROGATE      | 1 | 6  | a string holds the lone surrogate \\udc00",
                "{\"\\ud800\":1}                       | LONE_SURROGATE      | 1 | 9  | a key holds a lone surrogate",
                "{\"\\udc00\":1}                       | LONE_SURROGATE      | 1 | 9  | a key holds the lone surrogate \\udc00",
                "{\"a\":1} trailing                    | TRAILING_TEXT       | 1 | 8  | unexpected text after the end of the document",
                "{\"a\":1}{\"b\":2}                    | TRAILING_TEXT       | 1 | 8  | unexpected text after the end of the document",
                "{\"state\":{\"a\":1},\"state\":{\"b\":2}} | DUPLICATE_KEY  | 1 | 25 | the key \"state\" appears twice",
                "{\"a\":{\"b\":1,\"b\":2}}              | DUPLICATE_KEY       | 1 | 16 | the key \"b\" appears twice",
                "{state:1}                             | SYNTAX              | 1 | 2  | Unexpected character",
                "''                                    | EMPTY               | 1 | 1  | the document is empty",
            })
    void refusesWhatAwsRefuses(String json, Rule rule, int line, int column, String reason) {
        String text = json.equals("''") ? "" : json;
        assertThatThrownBy(() -> tokens(text)).isInstanceOfSatisfying(StrictJsonException.class, e -> {
            assertThat(e.rule()).isEqualTo(rule);
            assertThat(e.reason()).startsWith(reason);
            assertThat(e.line()).as("line").isEqualTo(line);
            assertThat(e.column()).as("column").isEqualTo(column);
        });
    }

    @Test
    void aDocumentNestedPastTheLimitIsRefusedAsTooDeep() {
        String deep = "[".repeat(StrictJson.MAX_NESTING_DEPTH + 1) + "]".repeat(StrictJson.MAX_NESTING_DEPTH + 1);

        assertThatThrownBy(() -> tokens(deep))
                .isInstanceOfSatisfying(
                        StrictJsonException.class, e -> assertThat(e.rule()).isEqualTo(Rule.TOO_DEEP));
    }

    @Test
    void validDocumentsReadAsBefore() throws Exception {
        assertThat(tokens("{\"pair\":\"\\ud83d\\ude00\",\"big\":1.7e308,\"int\":123456789012345678901234567890}"))
                .containsExactly(
                        "{", "pair", "\ud83d\ude00", "big", "1.7e308", "int", "123456789012345678901234567890", "}");
        assertThat(tokens("  [1, 2e-999, \"a\"]  \n")).containsExactly("[", "1", "2e-999", "a", "]");
    }

    @Test
    void readingTheSameKeyInDifferentObjectsIsFine() throws Exception {
        assertThat(tokens("{\"a\":{\"x\":1},\"b\":{\"x\":2}}")).contains("x");
    }
}
