package io.fleetdeck.views.thing;

/**
 * A shadow update the shadow service rejected, with its code and message exactly as it answered them
 * (AWS-IOT-BEHAVIOUR §1.9): 400 for a bad document, 409 {@code Version conflict}, 413 too large, and so on.
 */
public final class ShadowRejectedException extends Exception {

    /** The shadow moved on since the version the request named (§1.7). */
    public static final int VERSION_CONFLICT = 409;

    private final int code;

    public ShadowRejectedException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
