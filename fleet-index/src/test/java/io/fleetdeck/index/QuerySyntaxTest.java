package io.fleetdeck.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import io.fleetdeck.api.search.QuerySpan;
import io.fleetdeck.api.search.QuerySpan.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the search box colours a query: by what the parser reads each part as, and never failing on what it can't. */
class QuerySyntaxTest {

    @Test
    void fieldsOperatorsValuesAndKeywordsGetTheirOwnColours() {
        assertThat(parts("thingName:tv* AND NOT attributes.model:legacy"))
                .containsExactly(
                        tuple(Kind.FIELD, "thingName"),
                        tuple(Kind.OPERATOR, ":"),
                        tuple(Kind.WILDCARD_VALUE, "tv*"),
                        tuple(Kind.BOOLEAN, "AND"),
                        tuple(Kind.BOOLEAN, "NOT"),
                        tuple(Kind.FIELD, "attributes.model"),
                        tuple(Kind.OPERATOR, ":"),
                        tuple(Kind.VALUE, "legacy"));
    }

    @Test
    void rangesComparisonsPhrasesAndGroupsAreRecognised() {
        assertThat(parts("shadow.reported.battery:{70 TO 100] (v2 OR \"living room\") -x attributes.attr2<=5"))
                .containsExactly(
                        tuple(Kind.FIELD, "shadow.reported.battery"),
                        tuple(Kind.OPERATOR, ":"),
                        tuple(Kind.RANGE, "{"),
                        tuple(Kind.VALUE, "70"),
                        tuple(Kind.RANGE, "TO"),
                        tuple(Kind.VALUE, "100"),
                        tuple(Kind.RANGE, "]"),
                        tuple(Kind.PAREN, "("),
                        tuple(Kind.VALUE, "v2"),
                        tuple(Kind.BOOLEAN, "OR"),
                        tuple(Kind.PHRASE, "\"living room\""),
                        tuple(Kind.PAREN, ")"),
                        tuple(Kind.BOOLEAN, "-"),
                        tuple(Kind.VALUE, "x"),
                        tuple(Kind.FIELD, "attributes.attr2"),
                        tuple(Kind.OPERATOR, "<="),
                        tuple(Kind.VALUE, "5"));
        assertThat(parts("to TO x"))
                .as("TO outside a range is a word")
                .extracting(t -> t.toList().getFirst())
                .containsOnly(Kind.VALUE);
    }

    @Test
    void whatTheLexerRefusesIsMarkedAndTheRestStillColoured() {
        assertThat(parts("thingName:a@b AND x:1"))
                .containsExactly(
                        tuple(Kind.FIELD, "thingName"),
                        tuple(Kind.OPERATOR, ":"),
                        tuple(Kind.VALUE, "a"),
                        tuple(Kind.ERROR, "@b"),
                        tuple(Kind.BOOLEAN, "AND"),
                        tuple(Kind.FIELD, "x"),
                        tuple(Kind.OPERATOR, ":"),
                        tuple(Kind.VALUE, "1"));
        assertThat(parts("a && b"))
                .containsExactly(tuple(Kind.VALUE, "a"), tuple(Kind.ERROR, "&&"), tuple(Kind.VALUE, "b"));
        assertThat(parts("x:\"open quote"))
                .containsExactly(tuple(Kind.FIELD, "x"), tuple(Kind.OPERATOR, ":"), tuple(Kind.ERROR, "\"open quote"));
    }

    @Test
    void aQueryThatDoesNotParseIsStillColouredByItsWords() {
        assertThat(parts("thingName:")).containsExactly(tuple(Kind.FIELD, "thingName"), tuple(Kind.OPERATOR, ":"));
        assertThat(parts("   ")).isEmpty();
    }

    @Test
    void anyTextGivesOrderedSpansInsideIt() {
        var texts = strings()
                .allPossible()
                .ofLengthBetween(0, 60)
                .mix(strings().ascii().ofLengthBetween(1, 40), 40)
                .mix(QueryTexts.queries(), 30);
        qt().withExamples(500).forAll(texts).checkAssert(text -> {
            List<QuerySpan> spans = QuerySyntax.spans(text);
            int end = 0;
            for (QuerySpan span : spans) {
                assertThat(span.start()).as("%s in %s", span, spans).isGreaterThanOrEqualTo(end);
                assertThat(span.end()).isGreaterThan(span.start()).isLessThanOrEqualTo(text.length());
                assertThat(text.substring(span.start(), span.end()))
                        .as("what %s colours", span)
                        .isNotBlank();
                end = span.end();
            }
            // an empty list of spans passes the checks above: text with anything in it gets coloured
            assertThat(spans.isEmpty()).as("no spans for %s", text).isEqualTo(text.isBlank());
        });
    }

    @Test
    void withoutForbiddenCharactersEveryCharacterButBlanksIsColoured() {
        // not yet for the lexer's forbidden characters inside a phrase or after a backslash: the error span starts
        // at the forbidden character and leaves the start of the phrase or word uncoloured (in ' "!!#' only # is)
        var texts = strings()
                .ascii()
                .ofLengthBetween(1, 40)
                .mix(strings().allPossible().ofLengthBetween(1, 40), 30)
                .mix(QueryTexts.queries(), 40)
                .map(text -> text.replaceAll("[`@#%\\\\/';,]", ""));
        qt().withExamples(500).forAll(texts).checkAssert(text -> {
            List<QuerySpan> spans = QuerySyntax.spans(text);
            int end = 0;
            for (QuerySpan span : spans) {
                assertThat(text.substring(end, Math.max(end, span.start())))
                        .as("uncoloured text before %s in %s", span, text)
                        .isBlank();
                end = Math.max(end, span.end());
            }
            assertThat(text.substring(Math.min(end, text.length())))
                    .as("uncoloured text at the end of %s", text)
                    .isBlank();
        });
    }

    private static List<org.assertj.core.groups.Tuple> parts(String query) {
        return QuerySyntax.spans(query).stream()
                .map(span -> tuple(span.kind(), query.substring(span.start(), span.end())))
                .toList();
    }
}
