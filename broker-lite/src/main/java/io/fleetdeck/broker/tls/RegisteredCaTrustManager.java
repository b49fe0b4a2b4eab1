package io.fleetdeck.broker.tls;

import io.fleetdeck.broker.auth.ClientAuthority;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts a device's certificate at the TLS handshake when it chains to a CA the registry has registered and
 * activated, read afresh at every handshake. Whether the certificate itself is ACTIVE, and what it may do, is decided
 * at CONNECT with the client id in hand; an unknown certificate from a registered CA gets that far, for JITR.
 */
final class RegisteredCaTrustManager extends X509ExtendedTrustManager {

    private final ClientAuthority authority;

    RegisteredCaTrustManager(ClientAuthority authority) {
        this.authority = authority;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("a client certificate is required");
        }
        List<X509Certificate> authorities = authority.trustedAuthorities();
        if (authorities.isEmpty()) {
            throw new CertificateException("no CA is registered and active");
        }
        Set<TrustAnchor> anchors =
                authorities.stream().map(ca -> new TrustAnchor(ca, null)).collect(Collectors.toSet());
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            // the path without any CA the client sent along: the anchors are ours, not the client's
            List<X509Certificate> path = Arrays.stream(chain)
                    .filter(certificate -> !authorities.contains(certificate))
                    .toList();
            CertPath certPath = factory.generateCertPath(path.isEmpty() ? List.of(chain[0]) : path);
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(
                    false); // revocation is the registry's certificate state, checked at CONNECT
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
        } catch (GeneralSecurityException e) {
            throw new CertificateException(
                    "the client certificate "
                            + chain[0].getSubjectX500Principal().getName()
                            + " does not chain to a registered, active CA: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the broker checks clients only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return authority.trustedAuthorities().toArray(X509Certificate[]::new);
    }
}
