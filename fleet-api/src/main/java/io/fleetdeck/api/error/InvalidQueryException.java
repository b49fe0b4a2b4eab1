package io.fleetdeck.api.error;

/** A fleet index query (or a dynamic group's) that does not parse or asks too much; the message says where. */
public final class InvalidQueryException extends FleetApiException {

    private static final long serialVersionUID = 1L;

    public InvalidQueryException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "InvalidQueryException";
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
