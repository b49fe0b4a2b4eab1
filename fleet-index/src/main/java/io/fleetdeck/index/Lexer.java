package io.fleetdeck.index;

import io.fleetdeck.index.Token.Type;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a query into {@link Token}s on demand, so errors surface in reading order. Words end at whitespace
 * ({@link Character#isWhitespace}) and at the grammar's punctuation; {@code \} escapes the next character.
 * The characters AWS forbids (AWS-IOT-BEHAVIOUR §3.3: {@code ` @ # % \ / ' ; ,}) are refused anywhere,
 * escaped or quoted, and the Lucene operators AWS does not support get an error that names the right one.
 *
 * <p>{@code -} starts a word, not an exclusion, right after {@code :}, a comparison or inside a range, so
 * {@code attributes.temp:-5} and {@code [-5 TO 5]} mean numbers.
 */
final class Lexer {

    private static final String FORBIDDEN = "`@#%\\/';,";
    private static final String PUNCTUATION = "()[]{}\":<>=&|!^~";

    private final String query;
    private final List<Token> ahead = new ArrayList<>();
    private int offset;
    private int lastEnd;
    private @Nullable Token lastLexed;
    private boolean inRange;

    Lexer(String query) {
        this.query = query;
    }

    Token peek() throws QueryException {
        return peek(0);
    }

    Token peek(int distance) throws QueryException {
        while (ahead.size() <= distance) {
            ahead.add(lex());
        }
        return ahead.get(distance);
    }

    Token next() throws QueryException {
        var token = peek();
        ahead.removeFirst();
        return token;
    }

    private Token lex() throws QueryException {
        while (offset < query.length() && Character.isWhitespace(query.codePointAt(offset))) {
            offset += Character.charCount(query.codePointAt(offset));
        }
        var token = offset >= query.length() ? Token.symbol(Type.END, "", lastEnd) : lexAt(query.codePointAt(offset));
        lastLexed = token;
        lastEnd = token.end();
        offset = Math.max(offset, token.end());
        return token;
    }

    private Token lexAt(int c) throws QueryException {
        int at = offset;
        return switch (c) {
            case '(' -> Token.symbol(Type.OPEN_PAREN, "(", at);
            case ')' -> Token.symbol(Type.CLOSE_PAREN, ")", at);
            case '[' -> range(Token.symbol(Type.OPEN_BRACKET, "[", at), true);
            case '{' -> range(Token.symbol(Type.OPEN_BRACE, "{", at), true);
            case ']' -> range(Token.symbol(Type.CLOSE_BRACKET, "]", at), false);
            case '}' -> range(Token.symbol(Type.CLOSE_BRACE, "}", at), false);
            case ':' -> Token.symbol(Type.COLON, ":", at);
            case '=' -> Token.symbol(Type.EQUAL, "=", at);
            case '<' ->
                followedBy(at, '=') ? Token.symbol(Type.LESS_OR_EQUAL, "<=", at) : Token.symbol(Type.LESS, "<", at);
            case '>' ->
                followedBy(at, '=')
                        ? Token.symbol(Type.GREATER_OR_EQUAL, ">=", at)
                        : Token.symbol(Type.GREATER, ">", at);
            case '"' -> phrase(at);
            case '&' -> throw unknownOperator(at, followedBy(at, '&') ? "&&" : "&", "write AND");
            case '|' -> throw unknownOperator(at, followedBy(at, '|') ? "||" : "|", "write OR");
            case '!' -> throw unknownOperator(at, "!", "write NOT or -");
            case '^' ->
                throw new QueryException(query, at, "boosting ('^' at column " + column(at) + ") is not supported");
            case '~' ->
                throw new QueryException(
                        query, at, "fuzzy and proximity searches ('~' at column " + column(at) + ") are not supported");
            case '-' -> startsValue() ? word(at) : Token.symbol(Type.MINUS, "-", at);
            case '+' -> {
                if (!startsValue()) {
                    throw unknownOperator(at, "+", "every term is required already; write NOT or - to exclude one");
                }
                yield word(at);
            }
            default -> {
                if (FORBIDDEN.indexOf(c) >= 0 && c != '\\') {
                    throw forbidden(at, c);
                }
                yield word(at); // a backslash starts a word with an escaped character
            }
        };
    }

    private Token range(Token bracket, boolean opens) {
        inRange = opens;
        return bracket;
    }

    /** Right after {@code :}, a comparison, or inside a range, a leading {@code -} or {@code +} is part of a value. */
    private boolean startsValue() {
        if (lastLexed == null) {
            return false;
        }
        return switch (lastLexed.type()) {
            case COLON, EQUAL, LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL, OPEN_BRACKET, OPEN_BRACE -> true;
            case WORD -> inRange && lastLexed.isKeyword("TO");
            default -> false;
        };
    }

    private Token word(int start) throws QueryException {
        var text = new StringBuilder();
        var wildcards = new BitSet();
        int i = start;
        while (i < query.length()) {
            int c = query.codePointAt(i);
            if (Character.isWhitespace(c) || PUNCTUATION.indexOf(c) >= 0 || (FORBIDDEN.indexOf(c) >= 0 && c != '\\')) {
                break;
            }
            if (c == '\\') {
                i = escaped(i, text);
                continue;
            }
            if (c == '*' || c == '?') {
                wildcards.set(text.length());
            }
            text.appendCodePoint(c);
            i += Character.charCount(c);
        }
        return new Token(Type.WORD, text.toString(), query.substring(start, i), start, i, wildcards);
    }

    private Token phrase(int start) throws QueryException {
        var text = new StringBuilder();
        int i = start + 1;
        while (i < query.length()) {
            int c = query.codePointAt(i);
            if (c == '"') {
                return new Token(
                        Type.PHRASE, text.toString(), query.substring(start, i + 1), start, i + 1, new BitSet());
            }
            if (c == '\\') {
                i = escaped(i, text);
                continue;
            }
            if (FORBIDDEN.indexOf(c) >= 0) {
                throw forbidden(i, c);
            }
            text.appendCodePoint(c);
            i += Character.charCount(c);
        }
        throw new QueryException(query, start, "unclosed '\"' opened at column " + column(start));
    }

    /** Appends the character escaped by the backslash at {@code i}; returns the offset after it. */
    private int escaped(int i, StringBuilder text) throws QueryException {
        if (i + 1 >= query.length()) {
            throw new QueryException(query, i, "expected a character after '\\' at column " + column(i));
        }
        int c = query.codePointAt(i + 1);
        if (FORBIDDEN.indexOf(c) >= 0) {
            throw forbidden(c == '\\' ? i : i + 1, c);
        }
        text.appendCodePoint(c);
        return i + 1 + Character.charCount(c);
    }

    private boolean followedBy(int at, char c) {
        return at + 1 < query.length() && query.charAt(at + 1) == c;
    }

    private QueryException forbidden(int at, int c) {
        var character = new String(Character.toChars(c));
        return new QueryException(
                query, at, "the character '" + character + "' is not allowed (column " + column(at) + ")");
    }

    private QueryException unknownOperator(int at, String operator, String hint) {
        return new QueryException(
                query,
                at,
                String.format(Locale.ROOT, "unknown operator '%s' at column %d: %s", operator, column(at), hint));
    }

    private int column(int at) {
        return QueryException.columnOf(query, at);
    }
}
