package io.fleetdeck.views.fleet;

import io.fleetdeck.api.search.QuerySpan;
import io.fleetdeck.api.search.QuerySpan.Kind;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the user is typing at the caret, read from the query's coloured spans: a field name (a word that is not yet
 * followed by {@code :}), or the value of a named field (after {@code field:}). Decides which suggestions fit and
 * which characters taking one replaces. Immutable.
 *
 * @param field the field whose value is being typed; null while a field name is
 * @param prefix what is typed of the word so far, up to the caret (a phrase without its opening quote)
 * @param from where the word starts
 * @param to where the word ends, which a suggestion replaces up to
 */
record CompletionPlace(@Nullable String field, String prefix, int from, int to) {

    boolean isValue() {
        return field != null;
    }

    /** The place at {@code caret} in {@code query}, or null where nothing fits (an operator, a keyword, a range). */
    static @Nullable CompletionPlace at(String query, int caret, List<QuerySpan> spans) {
        QuerySpan here = null;
        int index = -1;
        for (int i = 0; i < spans.size(); i++) {
            QuerySpan span = spans.get(i);
            if (span.start() < caret && caret <= span.end()) {
                here = span;
                index = i;
                break;
            }
        }
        if (here == null || (here.kind() == Kind.OPERATOR && caret == here.end())) {
            return between(query, caret, spans);
        }
        String field = fieldBefore(query, spans, index);
        return switch (here.kind()) {
            case FIELD -> new CompletionPlace(null, query.substring(here.start(), caret), here.start(), here.end());
            case VALUE, WILDCARD_VALUE ->
                new CompletionPlace(field, query.substring(here.start(), caret), here.start(), here.end());
            case PHRASE, ERROR ->
                field == null || query.charAt(here.start()) != '"'
                        ? null
                        : new CompletionPlace(
                                field, query.substring(here.start() + 1, caret), here.start(), here.end());
            default -> null;
        };
    }

    /** The caret touches no word: right after {@code field:} a value starts; after a space, nothing is asked yet. */
    private static @Nullable CompletionPlace between(String query, int caret, List<QuerySpan> spans) {
        for (int i = spans.size() - 1; i >= 0; i--) {
            QuerySpan span = spans.get(i);
            if (span.end() == caret && span.kind() == Kind.OPERATOR && isColon(query, span)) {
                String field = i > 0 && spans.get(i - 1).kind() == Kind.FIELD ? text(query, spans.get(i - 1)) : null;
                return field == null ? null : new CompletionPlace(field, "", caret, caret);
            }
        }
        return null;
    }

    /** The field named by {@code field:} right before the span at {@code index}, or null. */
    private static @Nullable String fieldBefore(String query, List<QuerySpan> spans, int index) {
        if (index < 2) {
            return null;
        }
        QuerySpan operator = spans.get(index - 1);
        QuerySpan field = spans.get(index - 2);
        boolean adjacent = operator.end() == spans.get(index).start() && field.end() == operator.start();
        return adjacent && operator.kind() == Kind.OPERATOR && isColon(query, operator) && field.kind() == Kind.FIELD
                ? text(query, field)
                : null;
    }

    private static boolean isColon(String query, QuerySpan span) {
        String operator = text(query, span);
        return operator.equals(":") || operator.equals("=");
    }

    private static String text(String query, QuerySpan span) {
        return query.substring(span.start(), span.end());
    }
}
