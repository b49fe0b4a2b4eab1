package io.fleetdeck.index;

import java.util.BitSet;

/**
 * One lexical token of a query. For a word, {@code text} has its escapes resolved and {@code wildcards}
 * marks the chars of {@code text} that are unescaped {@code *} or {@code ?}; {@code raw} is the source.
 */
record Token(Type type, String text, String raw, int start, int end, BitSet wildcards) {

    enum Type {
        WORD,
        PHRASE,
        OPEN_PAREN,
        CLOSE_PAREN,
        OPEN_BRACKET,
        CLOSE_BRACKET,
        OPEN_BRACE,
        CLOSE_BRACE,
        COLON,
        LESS,
        GREATER,
        LESS_OR_EQUAL,
        GREATER_OR_EQUAL,
        EQUAL,
        MINUS,
        END
    }

    static Token symbol(Type type, String raw, int start) {
        return new Token(type, raw, raw, start, start + raw.length(), new BitSet());
    }

    boolean is(Type expected) {
        return type == expected;
    }

    /** An operator keyword: upper case and unescaped, as in Lucene ({@code and} is a word). */
    boolean isKeyword(String keyword) {
        return type == Type.WORD && raw.equals(keyword);
    }

    boolean isBooleanOperator() {
        return isKeyword("AND") || isKeyword("OR") || isKeyword("NOT");
    }

    boolean isComparison() {
        return type == Type.LESS || type == Type.GREATER || type == Type.LESS_OR_EQUAL || type == Type.GREATER_OR_EQUAL;
    }

    boolean hasWildcards() {
        return !wildcards.isEmpty();
    }

    /** A word made only of unescaped {@code *}: the existence test {@code field:*}, or everything. */
    boolean isOnlyStars() {
        return type == Type.WORD
                && !text.isEmpty()
                && text.chars().allMatch(c -> c == '*')
                && wildcards.cardinality() == text.length();
    }

    /** How an error message names this token: quoted, and cut short so that the message stays one line. */
    String describe() {
        return switch (type) {
            case END -> "the end of the query";
            case PHRASE -> "\"" + shortened(text) + "\"";
            case WORD -> isBooleanOperator() ? raw : "'" + shortened(raw) + "'";
            default -> "'" + raw + "'";
        };
    }

    private static String shortened(String text) {
        int limit = 30;
        return text.codePointCount(0, text.length()) <= limit
                ? text
                : text.substring(0, text.offsetByCodePoints(0, limit - 1)) + "…";
    }
}
