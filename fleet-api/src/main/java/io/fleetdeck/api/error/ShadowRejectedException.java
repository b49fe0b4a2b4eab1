package io.fleetdeck.api.error;

import org.jspecify.annotations.Nullable;

/**
 * A shadow request the shadow service rejected, with the code and message exactly as a device reads them on {@code
 * rejected} (AWS-IOT-BEHAVIOUR §1.9): 400 for a bad document, 404 no such shadow, 409 {@code Version conflict}, 413
 * too large, 429 too many requests, 500 when the store failed. {@link #errorCode()} is the name AWS's HTTP API gives
 * that code.
 */
public final class ShadowRejectedException extends FleetApiException {

    private static final long serialVersionUID = 1L;

    /** The shadow moved on since the version the request named (§1.7). */
    public static final int VERSION_CONFLICT = 409;

    private final int code;
    private final @Nullable String where;

    public ShadowRejectedException(int code, String message) {
        this(code, message, null);
    }

    /**
     * @param where for a document that is not JSON, {@code line L, column C} and what is wrong there when the message
     *     does not say: for a person (the CLI, the console), never part of what a device reads
     */
    public ShadowRejectedException(int code, String message, @Nullable String where) {
        super(message);
        this.code = code;
        this.where = where;
    }

    /** Where in the document it went wrong, or null. */
    public @Nullable String where() {
        return where;
    }

    /** The code of the {@code rejected} document. */
    public int code() {
        return code;
    }

    @Override
    public String errorCode() {
        return switch (code) {
            case 400 -> "InvalidRequestException";
            case 401 -> "UnauthorizedException";
            case 403 -> "ForbiddenException";
            case 404 -> "ResourceNotFoundException";
            case VERSION_CONFLICT -> "ConflictException";
            case 413 -> "RequestEntityTooLargeException";
            case 415 -> "UnsupportedDocumentEncodingException";
            case 429 -> "ThrottlingException";
            default -> "InternalFailureException";
        };
    }

    @Override
    public int httpStatus() {
        return code;
    }

    @Override
    public boolean retryable() {
        return code == 429 || code >= 500;
    }
}
