package io.fleetdeck.api.search;

import java.util.Objects;

/**
 * Something a query asks for that runs but is probably not what was meant: a field the index does not know, which
 * matches nothing. A hint, never a refusal: the field may be one a device will report tomorrow.
 *
 * @param field the field as typed
 * @param start its first character (UTF-16 offset, as in a text field)
 * @param end after its last character
 * @param message what is wrong and, when there is one, the field probably meant
 */
public record QueryHint(String field, int start, int end, String message) {

    public QueryHint {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("not a span: " + start + ".." + end);
        }
    }
}
