package io.fleetdeck.api.error;

/** The fleet failed to carry out a request that was valid (the store cannot be reached, say). */
public final class InternalFailureException extends FleetApiException {

    private static final long serialVersionUID = 1L;

    public InternalFailureException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "InternalFailureException";
    }

    @Override
    public int httpStatus() {
        return 500;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
