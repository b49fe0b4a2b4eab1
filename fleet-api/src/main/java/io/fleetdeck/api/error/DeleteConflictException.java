package io.fleetdeck.api.error;

/** Something that cannot go while others still use it (a policy still attached, a CA with certificates). */
public final class DeleteConflictException extends FleetApiException {

    private static final long serialVersionUID = 1L;

    public DeleteConflictException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "DeleteConflictException";
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
