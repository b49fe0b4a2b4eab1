package io.fleetdeck.fleet.identity;

import org.jspecify.annotations.Nullable;

/** A refused identity request, with AWS IoT's error code and a message saying what to change. */
public final class IdentityException extends Exception {

    public static final String INVALID_REQUEST = "InvalidRequestException";
    public static final String NOT_FOUND = "ResourceNotFoundException";
    public static final String ALREADY_EXISTS = "ResourceAlreadyExistsException";
    public static final String CERTIFICATE_STATE = "CertificateStateException";
    public static final String MALFORMED_POLICY = "MalformedPolicyException";
    public static final String VERSIONS_LIMIT = "VersionsLimitExceededException";
    public static final String DELETE_CONFLICT = "DeleteConflictException";

    private final String code;

    public IdentityException(String code, @Nullable String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
