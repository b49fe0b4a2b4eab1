package io.fleetdeck.index;

import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

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

    static Gen<String> queries() {
        return clause(3);
    }

    static Gen<String> clause(int depth) {
        if (depth == 0) {
            return leaf();
        }
        return weighted(
                Pair.of(4, leaf()),
                Pair.of(
                        3,
                        clause(depth - 1)
                                .zip(
                                        pick(" AND ", " OR ", " OR ", " OR ", " ", " NOT ", " -"),
                                        clause(depth - 1),
                                        (left, operator, right) -> left + operator + right)),
                Pair.of(1, pick("NOT ", "-", "- ").zip(clause(depth - 1), (operator, operand) -> operator + operand)),
                Pair.of(1, clause(depth - 1).map(inner -> "(" + inner + ")")));
    }

    private static Gen<String> leaf() {
        return weighted(
                Pair.of(6, fieldValue()),
                Pair.of(2, field().zip(range(), (field, range) -> field + ":" + range)),
                Pair.of(2, comparison()),
                Pair.of(2, field().zip(group(), (field, group) -> field + ":(" + group + ")")),
                Pair.of(2, field().map(field -> field + ":*")),
                Pair.of(2, value()),
                Pair.of(1, Generate.constant("*")));
    }

    /** Mostly a value of the field's own type, so that leaves hit; sometimes any value on any field. */
    private static Gen<String> fieldValue() {
        var textFields =
                Generate.pick(Stream.of(RandomFleet.STRING_PATHS, RandomFleet.MIXED_PATHS, List.of("thingName"))
                        .flatMap(List::stream)
                        .toList());
        var numberFields = Generate.pick(Stream.of(RandomFleet.NUMBER_PATHS, RandomFleet.MIXED_PATHS)
                .flatMap(List::stream)
                .toList());
        var booleanFields = Generate.pick(RandomFleet.BOOLEAN_PATHS);
        var number = numbers().map(QueryTexts::escapeWord);
        return weighted(
                Pair.of(4, textFields.zip(value(), (field, value) -> field + ":" + value)),
                Pair.of(2, numberFields.zip(number, (field, value) -> field + ":" + value)),
                Pair.of(1, booleanFields.zip(pick("true", "false", "TRUE"), (field, value) -> field + ":" + value)),
                Pair.of(2, field().zip(value(), (field, value) -> field + ":" + value)));
    }

    static Gen<String> field() {
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
        return Generate.pick(paths);
    }

    /** A value after {@code :}, in a group, or bare: word, phrase or wildcard. */
    private static Gen<String> value() {
        return weighted(Pair.of(5, word().map(QueryTexts::escapeWord)), Pair.of(2, phrase()), Pair.of(3, wildcard()));
    }

    private static Gen<String> word() {
        var numbers = RandomFleet.NUMBERS.stream().map(QueryTexts::numberText).toList();
        var phraseWords =
                RandomFleet.PHRASES.stream().flatMap(p -> Tokens.of(p).stream()).toList();
        return Generate.oneOf(
                        Generate.pick(RandomFleet.WORDS),
                        Generate.pick(numbers),
                        Generate.pick(phraseWords),
                        Generate.pick(NAME_WORDS))
                .zip(Generate.range(0, 2), QueryTexts::recased);
    }

    private static Gen<String> phrase() {
        var runs = new ArrayList<String>(); // runs of two or more words out of the fleet's phrases
        for (var phrase : RandomFleet.PHRASES) {
            var words = Tokens.of(phrase);
            for (int from = 0; from < words.size(); from++) {
                for (int to = from + 2; to <= words.size(); to++) {
                    runs.add(String.join(" ", words.subList(from, to)));
                }
            }
        }
        return weighted(
                        Pair.of(4, Generate.pick(runs).zip(Generate.range(0, 2), QueryTexts::recased)),
                        Pair.of(1, word().zip(word(), (a, b) -> a + " " + b)),
                        Pair.of(1, word()))
                .map(text -> "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }

    private static Gen<String> wildcard() {
        return word().zip(Generate.range(0, 9), Generate.range(0, 50), QueryTexts::wildcarded);
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

    private static Gen<String> range() {
        var numberBound = Generate.oneOf(numbers().map(QueryTexts::escapeWord), Generate.constant("*"));
        var textBound = Generate.oneOf(
                word().map(w -> "\"" + w.replace("\"", "\\\"") + "\""),
                word().map(QueryTexts::escapeWord),
                Generate.constant("*"));
        var bound = weighted(Pair.of(3, numberBound), Pair.of(2, textBound));
        return pick("[", "{")
                .zip(bound, bound, pick("]", "}"), (open, low, high, close) -> open + low + " TO " + high + close);
    }

    private static Gen<String> comparison() {
        var operand = Generate.oneOf(
                numbers().map(QueryTexts::escapeWord),
                word().map(QueryTexts::escapeWord),
                word().map(w -> "\"" + w.replace("\"", "\\\"") + "\""));
        return field().zip(
                        pick("<", ">", "<=", ">=", "=", " > ", " <= "),
                        operand,
                        (field, operator, value) -> field + operator + value);
    }

    private static Gen<String> group() {
        var item = weighted(Pair.of(5, value()), Pair.of(1, range()), Pair.of(1, Generate.constant("*")));
        var negatable = pick("", "", "-", "NOT ").zip(item, (not, value) -> not + value);
        return lists().of(negatable)
                .ofSizeBetween(1, 3)
                .zip(lists().of(pick(" OR ", " AND ", " ")).ofSize(3), (items, operators) -> {
                    var text = new StringBuilder(items.getFirst());
                    for (int i = 1; i < items.size(); i++) {
                        text.append(operators.get(i)).append(items.get(i));
                    }
                    return text.toString();
                });
    }

    private static Gen<String> numbers() {
        return Generate.pick(RandomFleet.NUMBERS).map(QueryTexts::numberText);
    }

    private static Gen<String> pick(String... choices) {
        return Generate.pick(List.of(choices));
    }

    @SafeVarargs
    private static Gen<String> weighted(Pair<Integer, Gen<String>> first, Pair<Integer, Gen<String>>... rest) {
        return Generate.frequency(first, rest);
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
