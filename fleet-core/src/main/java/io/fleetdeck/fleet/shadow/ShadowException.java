package io.fleetdeck.fleet.shadow;

import org.jspecify.annotations.Nullable;

/**
 * A refused shadow request with AWS's code and exact message (AWS-IOT-BEHAVIOUR §1.9), and for a document that is not
 * JSON, where it stops being JSON: for a person at a command line or in the console, never sent to a device.
 */
public final class ShadowException extends Exception {

    private final int code;
    private final @Nullable String where;

    public ShadowException(int code, String message) {
        this(code, message, null);
    }

    /** @param where {@code line L, column C}, with what went wrong there when AWS's message does not say */
    public ShadowException(int code, String message, @Nullable String where) {
        super(message);
        this.code = code;
        this.where = where;
    }

    public int code() {
        return code;
    }

    /** Where in the document it went wrong, or null when the message says all there is. */
    public @Nullable String where() {
        return where;
    }
}
