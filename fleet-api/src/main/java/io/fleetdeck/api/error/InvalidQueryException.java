package io.fleetdeck.api.error;

import org.jspecify.annotations.Nullable;

/**
 * A fleet index query (or a dynamic group's) that does not parse or asks too much; the message says what, and {@link
 * #position()} where, when the query text is known.
 */
public final class InvalidQueryException extends FleetApiException {

    private static final long serialVersionUID = 1L;

    private final @Nullable String query;
    private final int position;

    public InvalidQueryException(String message) {
        super(message);
        this.query = null;
        this.position = -1;
    }

    /** A problem at UTF-16 offset {@code position} of {@code query}. */
    public InvalidQueryException(String message, String query, int position) {
        super(message);
        this.query = query;
        this.position = Math.clamp(position, 0, query.length());
    }

    @Override
    public String errorCode() {
        return "InvalidQueryException";
    }

    @Override
    public int httpStatus() {
        return 400;
    }

    /** The query that was refused, when the refusal points into it. */
    public @Nullable String query() {
        return query;
    }

    /** 0-based UTF-16 offset of the problem in {@link #query()} (for a text field's caret); -1 when unknown. */
    public int position() {
        return position;
    }

    /** 1-based column of the problem as a person counts characters (code points); 0 when unknown. */
    public int column() {
        return query == null ? 0 : query.codePointCount(0, position) + 1;
    }

    /** A line with a caret under the problem, to print below the query in a terminal; empty when unknown. */
    public String caretLine() {
        return query == null ? "" : " ".repeat(column() - 1) + "^";
    }
}
