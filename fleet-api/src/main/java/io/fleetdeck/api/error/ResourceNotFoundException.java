package io.fleetdeck.api.error;

/** The thing, group, shadow, certificate or policy named does not exist. */
public final class ResourceNotFoundException extends FleetApiException {

    private static final long serialVersionUID = 1L;

    public ResourceNotFoundException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "ResourceNotFoundException";
    }

    @Override
    public int httpStatus() {
        return 404;
    }
}
