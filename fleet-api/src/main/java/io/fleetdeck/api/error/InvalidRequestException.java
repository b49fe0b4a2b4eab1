package io.fleetdeck.api.error;

/** The request is malformed: a bad name, attribute, query, document or combination of parameters. */
public final class InvalidRequestException extends FleetApiException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "InvalidRequestException";
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
