package io.fleetdeck.api.search;

import java.util.Objects;

/**
 * Characters {@code start} (inclusive) to {@code end} (exclusive) of a query, UTF-16 offsets as in a text field, and
 * what they are, for a search box to colour them.
 */
public record QuerySpan(Kind kind, int start, int end) {

    public QuerySpan {
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("not a span: " + start + ".." + end);
        }
    }

    /** What a span of the query is, for its colour. */
    public enum Kind {
        /** A field name before {@code :}, {@code =} or a comparison: {@code attributes.model}. */
        FIELD,
        /** {@code :}, {@code =}, {@code <}, {@code >}, {@code <=}, {@code >=}. */
        OPERATOR,
        /** A word to match: {@code legacy}, {@code 75}, a bare term. */
        VALUE,
        /** A quoted phrase, quotes included. */
        PHRASE,
        /** A value with {@code *} or {@code ?}: {@code tv*}, and {@code *} alone. */
        WILDCARD_VALUE,
        /** The brackets of a range and its {@code TO}. */
        RANGE,
        /** {@code AND}, {@code OR}, {@code NOT} and the excluding {@code -}. */
        BOOLEAN,
        /** A parenthesis, of a group or a field group. */
        PAREN,
        /** Text the lexer refuses: a forbidden character, an unknown operator, an unclosed quote. */
        ERROR
    }
}
