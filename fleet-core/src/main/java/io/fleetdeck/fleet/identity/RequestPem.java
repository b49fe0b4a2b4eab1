package io.fleetdeck.fleet.identity;

import io.fleetdeck.broker.tls.Pem;
import java.security.cert.X509Certificate;

/** The certificate in a request's PEM text, or the request's refusal saying what the text was instead. */
final class RequestPem {

    private RequestPem() {}

    static X509Certificate certificate(String pem) throws IdentityException {
        try {
            return Pem.certificate(pem);
        } catch (Pem.InvalidPemException e) {
            throw new IdentityException(IdentityException.INVALID_REQUEST, e.getMessage());
        }
    }
}
