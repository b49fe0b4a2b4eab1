package io.fleetdeck.index;

/**
 * A query that the fleet index can't run: a syntax error, a forbidden character or a broken limit
 * (AWS-IOT-BEHAVIOUR §3.3, §3.6). The message says what was expected and where, in words fit for a
 * search box or a CLI ({@code expected a value after ':' at column 11, found the end of the query}).
 *
 * <p>Checked, because every caller holds user input and must show the problem rather than crash.
 */
public final class QueryException extends Exception {

    private final String query;
    private final int position;

    QueryException(String query, int position, String message) {
        super(message);
        this.query = query;
        this.position = Math.clamp(position, 0, query.length());
    }

    /** The query text as parsed: as given, but with unpaired surrogates replaced by U+FFFD (same positions). */
    public String query() {
        return query;
    }

    /** 0-based UTF-16 offset of the problem in {@link #query()}, for {@code TextField.positionCaret}. */
    public int position() {
        return position;
    }

    /** 1-based column of the problem, counted in characters as a person sees them (code points). */
    public int column() {
        return columnOf(query, position);
    }

    /** A line with a caret under the problem, to print below the query in a terminal. */
    public String caretLine() {
        return " ".repeat(column() - 1) + "^";
    }

    static int columnOf(String query, int position) {
        return query.codePointCount(0, Math.clamp(position, 0, query.length())) + 1;
    }
}
