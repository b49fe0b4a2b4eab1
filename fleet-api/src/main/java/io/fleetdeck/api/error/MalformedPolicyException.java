package io.fleetdeck.api.error;

/** A policy document that does not parse or breaks AWS's rules; the message says where. */
public final class MalformedPolicyException extends FleetApiException {

    private static final long serialVersionUID = 1L;

    public MalformedPolicyException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "MalformedPolicyException";
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
