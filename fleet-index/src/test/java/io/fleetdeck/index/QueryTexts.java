package io.fleetdeck.index;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random query texts over the grammar of AWS-IOT-BEHAVIOUR §3.3, with fields and values drawn from the
 * vocabulary of {@link RandomFleet}: words, phrases, wildcards, existence, numeric and text ranges with
 * mixed brackets, comparisons, field groups, bare terms, {@code *}, and AND/OR/NOT/-/juxtaposition with
 * parentheses. Values are escaped as a user would have to.
 */
final class QueryTexts {

    private static final String SPECIAL = "()[]{}\":=<>&|!^~*?\\";
    private static final List<String> NAME_WORDS = List.of("tv", "TV", "lamp", "lamp_", "gw", "sensor", "abc", "tv-1");

    private QueryTexts() {}

    static Arbitrary<String> queries() {
        return clause(3);
    }

    static Arbitrary<String> clause(int depth) {
        if (depth == 0) {
            return leaf();
        }
        return Arbitraries.frequencyOf(
                Tuple.of(4, leaf()),
                Tuple.of(
                        3,
                        Combinators.combine(
                                        clause(depth - 1),
                                        Arbitraries.of(" AND ", " OR ", " OR ", " OR ", " ", " NOT ", " -"),
                                        clause(depth - 1))
                                .as((left, operator, right) -> left + operator + right)),
                Tuple.of(
                        1,
                        Combinators.combine(Arbitraries.of("NOT ", "-", "- "), clause(depth - 1))
                                .as((operator, operand) -> operator + operand)),
                Tuple.of(1, clause(depth - 1).map(inner -> "(" + inner + ")")));
    }

    private static Arbitrary<String> leaf() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, fieldValue()),
                Tuple.of(2, Combinators.combine(field(), range()).as((field, range) -> field + ":" + range)),
                Tuple.of(2, comparison()),
                Tuple.of(2, Combinators.combine(field(), group()).as((field, group) -> field + ":(" + group + ")")),
                Tuple.of(2, field().map(field -> field + ":*")),
                Tuple.of(2, value()),
                Tuple.of(1, Arbitraries.just("*")));
    }

    /** Mostly a value of the field's own type, so that leaves hit; sometimes any value on any field. */
    private static Arbitrary<String> fieldValue() {
        var textFields =
                Arbitraries.of(Stream.of(RandomFleet.STRING_PATHS, RandomFleet.MIXED_PATHS, List.of("thingName"))
                        .flatMap(List::stream)
                        .toList());
        var numberFields = Arbitraries.of(Stream.of(RandomFleet.NUMBER_PATHS, RandomFleet.MIXED_PATHS)
                .flatMap(List::stream)
                .toList());
        var booleanFields = Arbitraries.of(RandomFleet.BOOLEAN_PATHS);
        var number =
                Arbitraries.of(RandomFleet.NUMBERS).map(QueryTexts::numberText).map(QueryTexts::escapeWord);
        return Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(textFields, value()).as((field, value) -> field + ":" + value)),
                Tuple.of(2, Combinators.combine(numberFields, number).as((field, value) -> field + ":" + value)),
                Tuple.of(
                        1,
                        Combinators.combine(booleanFields, Arbitraries.of("true", "false", "TRUE"))
                                .as((field, value) -> field + ":" + value)),
                Tuple.of(2, Combinators.combine(field(), value()).as((field, value) -> field + ":" + value)));
    }

    static Arbitrary<String> field() {
        var paths = Stream.of(
                        RandomFleet.STRING_PATHS,
                        RandomFleet.NUMBER_PATHS,
                        RandomFleet.BOOLEAN_PATHS,
                        RandomFleet.MIXED_PATHS,
                        RandomFleet.UNSEARCHABLE_PATHS,
                        List.of(
                                "thingName",
                                "attributes.nothing",
                                "shadow",
                                "shadow.reported",
                                "shadow.reported.stats",
                                "shadow.name.cfg-1",
                                "Shadow.reported.mode"))
                .flatMap(List::stream)
                .toList();
        return Arbitraries.of(paths);
    }

    /** A value after {@code :}, in a group, or bare: word, phrase or wildcard. */
    private static Arbitrary<String> value() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, word().map(QueryTexts::escapeWord)), Tuple.of(2, phrase()), Tuple.of(3, wildcard()));
    }

    private static Arbitrary<String> word() {
        var numbers = RandomFleet.NUMBERS.stream().map(QueryTexts::numberText).toList();
        var phraseWords =
                RandomFleet.PHRASES.stream().flatMap(p -> Tokens.of(p).stream()).toList();
        return Combinators.combine(
                        Arbitraries.oneOf(
                                Arbitraries.of(RandomFleet.WORDS),
                                Arbitraries.of(numbers),
                                Arbitraries.of(phraseWords),
                                Arbitraries.of(NAME_WORDS)),
                        Arbitraries.integers().between(0, 2))
                .as(QueryTexts::recased);
    }

    private static Arbitrary<String> phrase() {
        var runs = new java.util.ArrayList<String>(); // runs of two or more words out of the fleet's phrases
        for (var phrase : RandomFleet.PHRASES) {
            var words = Tokens.of(phrase);
            for (int from = 0; from < words.size(); from++) {
                for (int to = from + 2; to <= words.size(); to++) {
                    runs.add(String.join(" ", words.subList(from, to)));
                }
            }
        }
        return Arbitraries.frequencyOf(
                        Tuple.of(
                                4,
                                Combinators.combine(
                                                Arbitraries.of(runs),
                                                Arbitraries.integers().between(0, 2))
                                        .as(QueryTexts::recased)),
                        Tuple.of(1, Combinators.combine(word(), word()).as((a, b) -> a + " " + b)),
                        Tuple.of(1, word()))
                .map(text -> "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }

    private static Arbitrary<String> wildcard() {
        return Combinators.combine(
                        word(),
                        Arbitraries.integers().between(0, 9),
                        Arbitraries.integers().between(0, 50))
                .as(QueryTexts::wildcarded);
    }

    /** A pattern made from a word: a prefix, a few '?', an infix '*', and rarely a leading wildcard. */
    private static String wildcarded(String word, int shape, int cut) {
        int[] points = word.codePoints().toArray();
        int at = cut % (points.length + 1);
        String head = escapeLiteral(points, 0, at);
        String tail = escapeLiteral(points, at, points.length);
        return switch (shape) {
            case 0, 1, 2 -> head + "*";
            case 3 -> head + "*" + (points.length > at + 1 ? escapeLiteral(points, at + 1, points.length) : "");
            case 4, 5 -> head + (at < points.length ? "?" + escapeLiteral(points, at + 1, points.length) : "?");
            case 6 -> head + "??" + tail;
            case 7 -> head + "*" + tail + "?";
            case 8 -> (at == 0 ? "x" : head) + "**";
            default -> "*" + tail; // leading wildcard: rare, and at most one per query is allowed
        };
    }

    private static Arbitrary<String> range() {
        var numberBound = Arbitraries.oneOf(
                Arbitraries.of(RandomFleet.NUMBERS).map(QueryTexts::numberText).map(QueryTexts::escapeWord),
                Arbitraries.just("*"));
        var textBound = Arbitraries.oneOf(
                word().map(w -> "\"" + w.replace("\"", "\\\"") + "\""),
                word().map(QueryTexts::escapeWord),
                Arbitraries.just("*"));
        var bound = Arbitraries.frequencyOf(Tuple.of(3, numberBound), Tuple.of(2, textBound));
        return Combinators.combine(Arbitraries.of("[", "{"), bound, bound, Arbitraries.of("]", "}"))
                .as((open, low, high, close) -> open + low + " TO " + high + close);
    }

    private static Arbitrary<String> comparison() {
        var operand = Arbitraries.oneOf(
                Arbitraries.of(RandomFleet.NUMBERS).map(QueryTexts::numberText).map(QueryTexts::escapeWord),
                word().map(QueryTexts::escapeWord),
                word().map(w -> "\"" + w.replace("\"", "\\\"") + "\""));
        return Combinators.combine(field(), Arbitraries.of("<", ">", "<=", ">=", "=", " > ", " <= "), operand)
                .as((field, operator, value) -> field + operator + value);
    }

    private static Arbitrary<String> group() {
        var item =
                Arbitraries.frequencyOf(Tuple.of(5, value()), Tuple.of(1, range()), Tuple.of(1, Arbitraries.just("*")));
        var negatable =
                Combinators.combine(Arbitraries.of("", "", "-", "NOT "), item).as((not, value) -> not + value);
        return negatable
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .flatMap(items -> Arbitraries.of(" OR ", " AND ", " ")
                        .list()
                        .ofSize(items.size())
                        .map(operators -> {
                            var text = new StringBuilder(items.getFirst());
                            for (int i = 1; i < items.size(); i++) {
                                text.append(operators.get(i)).append(items.get(i));
                            }
                            return text.toString();
                        }));
    }

    static String escapeWord(String text) {
        var escaped = new StringBuilder();
        int[] points = text.codePoints().toArray();
        for (int i = 0; i < points.length; i++) {
            int c = points[i];
            if (SPECIAL.indexOf(c) >= 0 || Character.isWhitespace(c) || (i == 0 && (c == '-' || c == '+'))) {
                escaped.append('\\');
            }
            escaped.appendCodePoint(c);
        }
        var result = escaped.toString();
        return List.of("AND", "OR", "NOT", "TO").contains(result) ? "\\" + result : result;
    }

    private static String escapeLiteral(int[] points, int from, int to) {
        var literal = new StringBuilder();
        for (int i = from; i < to; i++) {
            int c = points[i];
            if (SPECIAL.indexOf(c) >= 0 || Character.isWhitespace(c) || (i == 0 && (c == '-' || c == '+'))) {
                literal.append('\\');
            }
            literal.appendCodePoint(c);
        }
        return literal.toString();
    }

    private static String recased(String word, int how) {
        return switch (how) {
            case 0 -> word;
            case 1 -> word.toUpperCase(Locale.ROOT);
            default -> word.toLowerCase(Locale.ROOT);
        };
    }

    private static String numberText(Number number) {
        return number.toString();
    }
}
