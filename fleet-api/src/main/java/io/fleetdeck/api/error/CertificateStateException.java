package io.fleetdeck.api.error;

/** A certificate in a state that does not allow the change (a revoked one cannot be activated again). */
public final class CertificateStateException extends FleetApiException {

    private static final long serialVersionUID = 1L;

    public CertificateStateException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "CertificateStateException";
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
