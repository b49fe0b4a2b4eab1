package io.fleetdeck.views.fleet;

/**
 * One suggestion of the query bar: replacing characters {@code from} to {@code to} of the query with {@code
 * replacement}. {@code label} is what the list shows, {@code detail} its quieter second part (a field's type, how
 * many things have a value, a saved query's text).
 */
public record Completion(Kind kind, String label, String detail, String replacement, int from, int to) {

    public enum Kind {
        FIELD,
        VALUE,
        SAVED,
        RECENT
    }

    /** The query with this suggestion taken. */
    public String applyTo(String query) {
        return query.substring(0, from) + replacement + query.substring(Math.min(to, query.length()));
    }

    /** Where the caret goes once it is taken: after the replacement. */
    public int caretAfter() {
        return from + replacement.length();
    }
}
