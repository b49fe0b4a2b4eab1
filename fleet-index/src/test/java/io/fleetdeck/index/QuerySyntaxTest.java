package io.fleetdeck.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetdeck.index.QuerySyntax.Kind;
import io.fleetdeck.index.QuerySyntax.Span;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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

    @Property(tries = 500)
    void anyTextGivesOrderedSpansInsideIt(@ForAll String text) {
        List<Span> spans = QuerySyntax.spans(text);
        int end = 0;
        for (Span span : spans) {
            assertThat(span.start()).isGreaterThanOrEqualTo(end);
            assertThat(span.end()).isGreaterThan(span.start()).isLessThanOrEqualTo(text.length());
            end = span.end();
        }
    }

    private static List<org.assertj.core.groups.Tuple> parts(String query) {
        return QuerySyntax.spans(query).stream()
                .map(span -> tuple(span.kind(), query.substring(span.start(), span.end())))
                .toList();
    }
}
