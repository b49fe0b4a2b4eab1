package io.fleetdeck.views.certificates;

/** An action the identity registry refused, with its message as the user should read it. */
public final class CertificateActionException extends Exception {

    public CertificateActionException(String message) {
        super(message);
    }
}
