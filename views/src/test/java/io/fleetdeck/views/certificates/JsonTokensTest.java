package io.fleetdeck.views.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.views.certificates.JsonTokens.Kind;
import io.fleetdeck.views.certificates.JsonTokens.Token;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JsonTokensTest {

    @Test
    void keysStringsNumbersAndLiteralsAreTold() {
        List<Token> tokens =
                JsonTokens.of("{\"Effect\": \"Allow\", \"MaxRetries\": -3.5e2, \"On\": true, \"X\": null}");

        assertThat(tokens)
                .filteredOn(token -> token.kind() != Kind.PUNCTUATION && token.kind() != Kind.PLAIN)
                .extracting(Token::kind, Token::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.KEY, "\"Effect\""),
                        org.assertj.core.groups.Tuple.tuple(Kind.STRING, "\"Allow\""),
                        org.assertj.core.groups.Tuple.tuple(Kind.KEY, "\"MaxRetries\""),
                        org.assertj.core.groups.Tuple.tuple(Kind.NUMBER, "-3.5e2"),
                        org.assertj.core.groups.Tuple.tuple(Kind.KEY, "\"On\""),
                        org.assertj.core.groups.Tuple.tuple(Kind.LITERAL, "true"),
                        org.assertj.core.groups.Tuple.tuple(Kind.KEY, "\"X\""),
                        org.assertj.core.groups.Tuple.tuple(Kind.LITERAL, "null"));
    }

    @Test
    void escapedQuotesStayInsideTheirString() {
        List<Token> tokens = JsonTokens.of("[\"a \\\"quoted\\\" ${iot:ClientId}\" , 1]");

        assertThat(tokens.get(1)).isEqualTo(new Token(Kind.STRING, "\"a \\\"quoted\\\" ${iot:ClientId}\""));
    }

    @Test
    void theTokensAlwaysJoinToTheInputEvenWhenItIsNotJson() {
        for (String text : List.of(
                FakeDirectory.POLICY_DOCUMENT,
                "{\"unterminated: [1, 2",
                "not json at all ~ @ #",
                "\"trailing backslash\\",
                "")) {
            assertThat(JsonTokens.of(text).stream().map(Token::text).collect(Collectors.joining()))
                    .isEqualTo(text);
        }
    }
}
