package io.fleetdeck.api.error;

/** A policy that already has as many versions as AWS keeps (five). */
public final class VersionsLimitExceededException extends FleetApiException {

    private static final long serialVersionUID = 1L;

    public VersionsLimitExceededException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "VersionsLimitExceededException";
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
