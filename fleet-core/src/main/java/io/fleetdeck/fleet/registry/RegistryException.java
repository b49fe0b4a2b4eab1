package io.fleetdeck.fleet.registry;

import org.jspecify.annotations.Nullable;

/** A refused registry request with AWS IoT's exception name and a message saying what to change. */
public final class RegistryException extends Exception {

    public static final String INVALID_REQUEST = "InvalidRequestException";
    public static final String INVALID_QUERY = "InvalidQueryException";
    public static final String NOT_FOUND = "ResourceNotFoundException";
    public static final String ALREADY_EXISTS = "ResourceAlreadyExistsException";
    public static final String VERSION_CONFLICT = "VersionConflictException";
    public static final String LIMIT_EXCEEDED = "LimitExceededException";

    private final String code;

    public RegistryException(String code, @Nullable String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
