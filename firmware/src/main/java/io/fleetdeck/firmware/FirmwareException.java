package io.fleetdeck.firmware;

/** A catalog operation refused, and why: the service layer turns {@link #reason()} into the API's error. */
public final class FirmwareException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal, so each front end can say it its own way. */
    public enum Reason {
        /** No image with that id, or no version for that target. */
        NOT_FOUND,
        /** The same bytes, or the same version for a target, are in the catalog already. */
        ALREADY_EXISTS,
        /** The request itself is wrong: a bad version, an empty image, a signature that does not hold. */
        INVALID,
        /** The image is still needed: a job uses it, or it is a target's known-safe version. */
        IN_USE,
        /** The data folder failed us: a file cannot be read or written, or a stored image no longer verifies. */
        STORAGE
    }

    private final Reason reason;

    public FirmwareException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public FirmwareException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
