package io.fleetdeck.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever a user types into the search box, the parser answers with a query or a {@link QueryException}
 * that points inside the text, never with another exception; and whatever parses can be run both ways,
 * with the same answer.
 */
class ParserFuzzProperties {

    private static IndexedFleet fleet;

    @BeforeContainer
    static void indexASmallFleet() {
        fleet = new IndexedFleet(RandomFleet.of(7L, 200));
    }

    @AfterContainer
    static void closeTheFleet() {
        fleet.close();
    }

    @Property(tries = 3000)
    void anyTextParsesOrIsRefusedWithAPosition(@ForAll("typed") String text) {
        FleetQuery query;
        try {
            query = FleetQuery.parse(text);
        } catch (QueryException refused) {
            assertThat(refused.position()).isBetween(0, text.length());
            assertThat(refused.column()).isBetween(1, text.length() + 1);
            assertThat(refused.getMessage()).isNotBlank().doesNotContain("null");
            Statistics.label("outcome").collect("refused");
            return;
        }
        Statistics.label("outcome").collect("parsed");
        assertThat(fleet.search(query)).as("Lucene vs in memory for %s", text).isEqualTo(fleet.evaluate(query));
    }

    @Provide
    Arbitrary<String> typed() {
        return Arbitraries.oneOf(grammarSoup(), Arbitraries.strings().all().ofMaxLength(60), mutated(), huge());
    }

    /** Fragments of the grammar in any order: brackets, quotes, operators, escapes, keywords, odd characters. */
    private static Arbitrary<String> grammarSoup() {
        var fragment = Arbitraries.oneOf(
                Arbitraries.of(
                        "(",
                        ")",
                        "[",
                        "]",
                        "{",
                        "}",
                        "\"",
                        ":",
                        "<",
                        ">",
                        "<=",
                        ">=",
                        "=",
                        "*",
                        "?",
                        "\\",
                        "-",
                        "+",
                        "!",
                        "&&",
                        "||",
                        "^",
                        "~",
                        "@",
                        "#",
                        "%",
                        "/",
                        "'",
                        ";",
                        ",",
                        "`",
                        " ",
                        "  ",
                        "\t",
                        "\n",
                        "\u00A0",
                        "AND",
                        "OR",
                        "NOT",
                        "TO",
                        "and",
                        " AND ",
                        " OR ",
                        " TO ",
                        "thingName",
                        "attributes.x",
                        "shadow.reported.stats.battery",
                        "connectivity.connected",
                        "shadow.version",
                        "true",
                        "75",
                        "-1",
                        "1e3",
                        "2.5",
                        "tv*",
                        "*tv",
                        "a?c",
                        "é",
                        "\uD83D\uDE00",
                        "\uD83D",
                        "\uDE00",
                        "İ",
                        "Σ",
                        "\u0000"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(4));
        return fragment.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    /** A valid query with a few characters inserted, deleted or replaced. */
    private static Arbitrary<String> mutated() {
        var edit = Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 1000),
                Arbitraries.of('(', ')', '"', '\\', '[', '}', ':', '*', '-', ' ', '@', 'x', '>'));
        return Combinators.combine(
                        QueryTexts.queries(),
                        edit.as(List::of).list().ofMinSize(1).ofMaxSize(4))
                .as((query, edits) -> {
                    var text = new StringBuilder(query);
                    for (var e : edits) {
                        int kind = (Integer) e.get(0);
                        int at = text.isEmpty() ? 0 : (Integer) e.get(1) % (text.length() + 1);
                        char c = (Character) e.get(2);
                        switch (kind) {
                            case 0 -> text.insert(at, c);
                            case 1 -> {
                                if (at < text.length()) {
                                    text.deleteCharAt(at);
                                }
                            }
                            default -> {
                                if (at < text.length()) {
                                    text.setCharAt(at, c);
                                }
                            }
                        }
                    }
                    return text.toString();
                });
    }

    /** Long texts around the 1000-byte limit, and deep nesting. */
    private static Arbitrary<String> huge() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, 1200).map(n -> "(".repeat(n) + "a" + ")".repeat(n)),
                Arbitraries.integers().between(1, 999).map(n -> "-".repeat(n) + "a"),
                Arbitraries.integers().between(1, 600).map(n -> "NOT ".repeat(n) + "a"),
                Arbitraries.integers().between(900, 1100).map(n -> "thingName:" + "a".repeat(n)),
                Arbitraries.integers().between(1, 400).map(n -> "\"" + "a ".repeat(n) + "\""),
                Arbitraries.strings().all().ofMinLength(900).ofMaxLength(3000));
    }
}
