package io.fleetdeck.app.runtime;

import io.fleetdeck.broker.tls.CertificateAuthority;
import io.fleetdeck.firmware.CodeSigningIssuer;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** The data folder's CA as the firmware catalog needs it: it issues the signing certificate and is trusted to. */
record FirmwareSigningAuthority(CertificateAuthority ca) implements CodeSigningIssuer {

    @Override
    public X509Certificate issueCodeSigning(String commonName, PublicKey key) throws GeneralSecurityException {
        return ca.issueCodeSigning(commonName, key);
    }

    @Override
    public List<X509Certificate> roots() {
        return List.of(ca.certificate());
    }
}
