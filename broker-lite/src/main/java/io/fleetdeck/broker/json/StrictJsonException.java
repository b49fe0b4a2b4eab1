package io.fleetdeck.broker.json;

/**
 * A JSON document that {@link StrictJson} refuses: which rule it broke, and where (1-based line and column of the
 * offending token in the text), so a service can answer with its own error code and a person can find the spot.
 */
public final class StrictJsonException extends Exception {

    /** The rule a refused document broke. */
    public enum Rule {
        /** Not JSON (RFC 8259 grammar). */
        SYNTAX,
        /** Nothing but whitespace. */
        EMPTY,
        /** An object names the same key twice (RFC 8259 §4 leaves it open; we refuse, as AWS's parsers do). */
        DUPLICATE_KEY,
        /** Something other than whitespace after the document. */
        TRAILING_TEXT,
        /** A number too large for a double: it would become Infinity. */
        NUMBER_OUT_OF_RANGE,
        /** A string or key holding half of a UTF-16 surrogate pair: no Unicode character (RFC 8259 §8.2). */
        LONE_SURROGATE,
        /** Objects and arrays nested deeper than {@link StrictJson#MAX_NESTING_DEPTH}. */
        TOO_DEEP
    }

    private final Rule rule;
    private final int line;
    private final int column;
    private final String reason;

    public StrictJsonException(Rule rule, int line, int column, String reason) {
        super("line " + line + ", column " + column + ": " + reason);
        this.rule = rule;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public Rule rule() {
        return rule;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What was wrong, without the position: {@code the key "state" appears twice}. */
    public String reason() {
        return reason;
    }
}
