package io.fleetdeck.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Whatever a user types into the search box, the parser answers with a query or a {@link QueryException}
 * that points inside the text, never with another exception; and whatever parses can be run both ways,
 * with the same answer.
 *
 * <p>The fuzz target runs its seeds (src/test/resources/.../QueryParserFuzzTestInputs) in every build and is
 * fuzzed, coverage-guided, by Jazzer with {@code JAZZER_FUZZ=1} (bench/README.md); the property below puts 3,000
 * generated texts through the same check in every build.
 */
class QueryParserFuzzTest {

    private static IndexedFleet fleet;

    @BeforeAll
    static void indexASmallFleet() {
        fleet = new IndexedFleet(RandomFleet.of(7L, 200));
    }

    @AfterAll
    static void closeTheFleet() {
        fleet.close();
    }

    @FuzzTest
    @DictionaryEntries({
        "AND",
        "OR",
        "NOT",
        " TO ",
        "&&",
        "||",
        "thingName:",
        "attributes.",
        "shadow.reported.",
        "connectivity.connected",
        "shadow.version",
        "<=",
        ">=",
        "\\",
        "\"",
        "[",
        "]",
        "{",
        "}",
        "*",
        "?"
    })
    void anyTextParsesOrIsRefusedWithAPosition(byte[] input) {
        parsesOrIsRefusedWithAPosition(new String(input, StandardCharsets.UTF_8));
    }

    @Test
    void generatedTextsParseOrAreRefusedWithAPosition() {
        var parsed = new AtomicInteger();
        qt().withExamples(3000).forAll(typed()).checkAssert(text -> {
            if (parsesOrIsRefusedWithAPosition(text)) {
                parsed.incrementAndGet();
            }
        });
        // the differential half checks nothing unless a fair share of the texts parse
        assertThat(parsed).as("texts that parsed").hasValueGreaterThan(300);
    }

    /** True when the text parsed (and both ways agree), false when it was refused with a position. */
    static boolean parsesOrIsRefusedWithAPosition(String text) {
        FleetQuery query;
        try {
            query = FleetQuery.parse(text);
        } catch (QueryException refused) {
            assertThat(refused.position()).isBetween(0, text.length());
            assertThat(refused.column()).isBetween(1, text.length() + 1);
            assertThat(refused.getMessage()).isNotBlank().doesNotContain("null");
            return false;
        }
        assertThat(fleet.search(query)).as("Lucene vs in memory for %s", text).isEqualTo(fleet.evaluate(query));
        return true;
    }

    private static Gen<String> typed() {
        return Generate.oneOf(grammarSoup(), strings().allPossible().ofLengthBetween(0, 60), mutated(), huge());
    }

    /** Fragments of the grammar in any order: brackets, quotes, operators, escapes, keywords, odd characters. */
    private static Gen<String> grammarSoup() {
        var fragment = Generate.oneOf(
                Generate.pick(List.of(
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
                        "\u0000")),
                strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 4));
        return lists().of(fragment).ofSizeBetween(0, 40).map(parts -> String.join("", parts));
    }

    record Edit(int kind, int at, char character) {}

    /** A valid query with a few characters inserted, deleted or replaced. */
    private static Gen<String> mutated() {
        Gen<Edit> edit = integers()
                .between(0, 2)
                .zip(
                        integers().between(0, 1000),
                        Generate.pick(List.of('(', ')', '"', '\\', '[', '}', ':', '*', '-', ' ', '@', 'x', '>')),
                        Edit::new);
        return QueryTexts.queries().zip(lists().of(edit).ofSizeBetween(1, 4), (query, edits) -> {
            var text = new StringBuilder(query);
            for (var e : edits) {
                int at = text.isEmpty() ? 0 : e.at() % (text.length() + 1);
                switch (e.kind()) {
                    case 0 -> text.insert(at, e.character());
                    case 1 -> {
                        if (at < text.length()) {
                            text.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (at < text.length()) {
                            text.setCharAt(at, e.character());
                        }
                    }
                }
            }
            return text.toString();
        });
    }

    /** Long texts around the 1000-byte limit, and deep nesting. */
    private static Gen<String> huge() {
        return Generate.oneOf(
                integers().between(1, 1200).map(n -> "(".repeat(n) + "a" + ")".repeat(n)),
                integers().between(1, 999).map(n -> "-".repeat(n) + "a"),
                integers().between(1, 600).map(n -> "NOT ".repeat(n) + "a"),
                integers().between(900, 1100).map(n -> "thingName:" + "a".repeat(n)),
                integers().between(1, 400).map(n -> "\"" + "a ".repeat(n) + "\""),
                strings().allPossible().ofLengthBetween(900, 3000));
    }
}
