package io.fleetdeck.api.error;

/**
 * An operation of the service API refused, with AWS's error code ({@link #errorCode()}) and one text, whichever front
 * end asked: the console shows the message, the CLI prints the code and the message, the HTTP API answers with the
 * status and both. Checked, so that every caller decides what its user sees.
 */
public abstract sealed class FleetApiException extends Exception
        permits ResourceNotFoundException,
                ResourceAlreadyExistsException,
                InvalidRequestException,
                InvalidQueryException,
                ShadowRejectedException,
                CertificateStateException,
                MalformedPolicyException,
                VersionsLimitExceededException,
                DeleteConflictException,
                VersionConflictException,
                LimitExceededException,
                ThrottlingException,
                InternalFailureException {

    private static final long serialVersionUID = 1L;

    FleetApiException(String message) {
        super(message);
    }

    /** AWS's name for the error, e.g. {@code ResourceNotFoundException}. */
    public abstract String errorCode();

    /** The HTTP status AWS answers this error with. */
    public abstract int httpStatus();

    /** Whether the same request may succeed when tried again later, unchanged. */
    public boolean retryable() {
        return false;
    }
}
