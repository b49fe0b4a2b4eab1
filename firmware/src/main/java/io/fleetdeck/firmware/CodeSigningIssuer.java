package io.fleetdeck.firmware;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The data folder's CA as firmware needs it: a code-signing certificate for the catalog's signing key, and the roots
 * a signer's certificate may chain to. The app answers it with its {@code CertificateAuthority}.
 */
public interface CodeSigningIssuer {

    /** A certificate for {@code key} with extendedKeyUsage codeSigning, named {@code commonName}. */
    X509Certificate issueCodeSigning(String commonName, PublicKey key) throws GeneralSecurityException;

    /** The CA certificates this issuer signs with: always trusted to sign firmware. */
    List<X509Certificate> roots();
}
