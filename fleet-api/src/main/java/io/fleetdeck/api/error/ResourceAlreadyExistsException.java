package io.fleetdeck.api.error;

/** A resource of that name exists already (with different settings, where AWS tells the two apart). */
public final class ResourceAlreadyExistsException extends FleetApiException {

    private static final long serialVersionUID = 1L;

    public ResourceAlreadyExistsException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "ResourceAlreadyExistsException";
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
