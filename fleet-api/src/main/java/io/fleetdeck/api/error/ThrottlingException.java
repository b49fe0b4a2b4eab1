package io.fleetdeck.api.error;

/** The fleet is too busy with this resource (or the store is refusing writes) to take the request now. */
public final class ThrottlingException extends FleetApiException {

    private static final long serialVersionUID = 1L;

    public ThrottlingException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "ThrottlingException";
    }

    @Override
    public int httpStatus() {
        return 429;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
