package io.fleetdeck.index;

import io.fleetdeck.api.search.QuerySpan;
import io.fleetdeck.api.search.QuerySpan.Kind;
import io.fleetdeck.index.Token.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a query as a search box colours them while the user types: field names, operators, values, phrases,
 * wildcards, ranges, boolean keywords, parentheses, and the characters the lexer refuses. Never throws, whatever the
 * text: a malformed part becomes an {@link Kind#ERROR} span and the rest is still coloured. Spans come in text order,
 * do not overlap, and leave whitespace out.
 *
 * <p>Lexical only, by design: it uses the same {@link Lexer} as {@link FleetQuery#parse}, so a word is coloured as a
 * field exactly when the parser reads it as one, but a query can be well coloured and still not parse ({@code
 * thingName:}); {@link FleetQuery#parse}'s {@link QueryException#position()} says where. Stateless and thread-safe.
 */
public final class QuerySyntax {

    private QuerySyntax() {}

    /** The coloured parts of {@code text}, in order; empty for blank text. */
    public static List<QuerySpan> spans(String text) {
        String query = Tokens.wellFormed(Objects.requireNonNull(text, "text"));
        List<Token> tokens = new ArrayList<>();
        List<QuerySpan> errors = new ArrayList<>();
        lex(query, tokens, errors);
        List<QuerySpan> spans = new ArrayList<>(tokens.size() + errors.size());
        boolean inRange = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            inRange = switch (token.type()) {
                case OPEN_BRACKET, OPEN_BRACE -> true;
                case CLOSE_BRACKET, CLOSE_BRACE -> false;
                default -> inRange;
            };
            spans.add(new QuerySpan(kindOf(token, next, inRange), token.start(), token.end()));
        }
        spans.addAll(errors);
        spans.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return List.copyOf(spans);
    }

    /**
     * Lexes the whole text. The lexer stops at the first thing it refuses; that part (up to the next whitespace)
     * becomes an error span, and a fresh lexer goes on after it over the same text with everything before blanked
     * out, so offsets stay those of the original text.
     */
    private static void lex(String query, List<Token> tokens, List<QuerySpan> errors) {
        String rest = query;
        while (true) {
            Lexer lexer = new Lexer(rest);
            try {
                for (Token token = lexer.next(); !token.is(Type.END); token = lexer.next()) {
                    tokens.add(token);
                }
                return;
            } catch (QueryException refused) {
                int from = refused.position();
                int to = endOfChunk(query, from);
                errors.add(new QuerySpan(Kind.ERROR, from, to));
                if (to >= query.length()) {
                    return;
                }
                rest = " ".repeat(to) + query.substring(to);
            }
        }
    }

    /** Where the refused part ends: an unclosed quote runs to the end; anything else to the next whitespace. */
    private static int endOfChunk(String query, int from) {
        if (from < query.length() && query.charAt(from) == '"') {
            return query.length();
        }
        int to = Math.min(query.length(), from + 1);
        while (to < query.length() && !Character.isWhitespace(query.charAt(to))) {
            to++;
        }
        return to;
    }

    private static Kind kindOf(Token token, @Nullable Token next, boolean inRange) {
        return switch (token.type()) {
            case WORD -> wordKind(token, next, inRange);
            case PHRASE -> Kind.PHRASE;
            case OPEN_PAREN, CLOSE_PAREN -> Kind.PAREN;
            case OPEN_BRACKET, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE -> Kind.RANGE;
            case COLON, EQUAL, LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL -> Kind.OPERATOR;
            case MINUS -> Kind.BOOLEAN;
            case END -> throw new IllegalStateException("the end is not a span");
        };
    }

    private static Kind wordKind(Token word, @Nullable Token next, boolean inRange) {
        if (inRange && word.isKeyword("TO")) {
            return Kind.RANGE;
        }
        if (word.isBooleanOperator()) {
            return Kind.BOOLEAN;
        }
        if (next != null && (next.is(Type.COLON) || next.is(Type.EQUAL) || next.isComparison())) {
            return Kind.FIELD;
        }
        return word.hasWildcards() ? Kind.WILDCARD_VALUE : Kind.VALUE;
    }
}
