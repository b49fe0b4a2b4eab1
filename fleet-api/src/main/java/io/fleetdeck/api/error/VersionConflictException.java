package io.fleetdeck.api.error;

/** The expected version does not match the resource's version: another change came first. */
public final class VersionConflictException extends FleetApiException {

    private static final long serialVersionUID = 1L;

    public VersionConflictException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "VersionConflictException";
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
