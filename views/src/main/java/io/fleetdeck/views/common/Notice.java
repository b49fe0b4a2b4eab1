package io.fleetdeck.views.common;

import java.util.Objects;

/**
 * The one line a view shows about how the last action went: what happened, in the user's words, and whether it
 * worked. A refusal carries the service's own words. Immutable.
 */
public record Notice(Kind kind, String text) {

    public enum Kind {
        SUCCESS,
        WARNING,
        ERROR
    }

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    public static Notice success(String text) {
        return new Notice(Kind.SUCCESS, text);
    }

    public static Notice warning(String text) {
        return new Notice(Kind.WARNING, text);
    }

    public static Notice error(String text) {
        return new Notice(Kind.ERROR, text);
    }
}
