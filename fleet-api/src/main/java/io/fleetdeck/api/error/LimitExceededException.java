package io.fleetdeck.api.error;

/** A limit is reached: groups per thing, depth of a hierarchy, dynamic groups, policy versions. */
public final class LimitExceededException extends FleetApiException {

    private static final long serialVersionUID = 1L;

    public LimitExceededException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "LimitExceededException";
    }

    @Override
    public int httpStatus() {
        return 410;
    }
}
