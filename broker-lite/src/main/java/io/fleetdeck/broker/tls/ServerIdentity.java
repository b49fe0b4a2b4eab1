package io.fleetdeck.broker.tls;

import io.fleetdeck.broker.auth.ClientAuthority;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's TLS identity: a root CA made on first start and a server certificate it signs for {@code localhost},
 * 127.0.0.1, ::1 and the host name. Devices trust the CA, which is published as {@code provisioning/root-ca.pem} in
 * the data folder. The server certificate is renewed when it is missing or within 30 days of expiry; the CA is kept.
 * The device listener uses {@link #mutualTlsContext}, which requires client certificates from registered CAs;
 * {@link #serverContext} requests them without checking, for protocol tests and the benchmark's plain-TLS broker.
 */
public final class ServerIdentity {

    private static final Logger log = LoggerFactory.getLogger(ServerIdentity.class);
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration SERVER_VALIDITY = Duration.ofDays(397);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final PrivateKey serverKey;
    private final List<X509Certificate> chain;

    private ServerIdentity(PrivateKey serverKey, List<X509Certificate> chain) {
        this.serverKey = serverKey;
        this.chain = chain;
    }

    /**
     * Loads the identity from {@code pkiFolder}, making what is missing, and writes the CA certificate to
     * {@code publishedCaFile} for devices and tools.
     */
    public static ServerIdentity loadOrCreate(Path pkiFolder, Path publishedCaFile, Clock clock)
            throws IOException, GeneralSecurityException {
        return loadOrCreate(pkiFolder, publishedCaFile, clock, CaKeyType.EC_P256);
    }

    /** As above; a CA made now gets a {@code caKeyType} key (an existing one keeps its own). */
    public static ServerIdentity loadOrCreate(Path pkiFolder, Path publishedCaFile, Clock clock, CaKeyType caKeyType)
            throws IOException, GeneralSecurityException {
        PemFiles files = new PemFiles(pkiFolder);
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(files, clock, CA_VALIDITY, caKeyType);
        Path serverCert = pkiFolder.resolve("server.pem");
        Path serverKeyFile = pkiFolder.resolve("server.key");
        PrivateKey key;
        X509Certificate cert;
        if (files.exists(serverCert, serverKeyFile) && stillGood(files.readCertificate(serverCert), clock)) {
            key = files.readPrivateKey(serverKeyFile);
            cert = files.readCertificate(serverCert);
        } else {
            KeyPair pair = Certificates.newKeyPair();
            cert = ca.issueServerCertificate(pair.getPublic(), serverNames(), SERVER_VALIDITY);
            files.writePrivateKey(serverKeyFile, pair.getPrivate());
            files.writeCertificates(serverCert, List.of(cert, ca.certificate()));
            key = pair.getPrivate();
            log.debug(
                    "Issued the broker's server certificate, valid until {}",
                    cert.getNotAfter().toInstant());
        }
        files.writeCertificates(publishedCaFile, List.of(ca.certificate()));
        return new ServerIdentity(key, List.of(cert, ca.certificate()));
    }

    /** TLS 1.2 and 1.3 with a client certificate requested but not checked: for tests and benchmarks only. */
    public ServerTls serverContext() throws IOException {
        return new ServerTls(SslContextBuilder.forServer(serverKey, chain.toArray(X509Certificate[]::new))
                .sslProvider(SslProvider.JDK)
                .protocols("TLSv1.3", "TLSv1.2")
                .clientAuth(ClientAuth.OPTIONAL)
                // no registry behind this context: mutualTlsContext is the one for devices
                .trustManager(InsecureTrustManagerFactory.INSTANCE)
                .build());
    }

    /**
     * The TLS context for the device listener once the registry is in charge: a client certificate is required and
     * must chain to a CA {@code authority} has registered and activated.
     */
    public ServerTls mutualTlsContext(ClientAuthority authority) throws IOException {
        return new ServerTls(SslContextBuilder.forServer(serverKey, chain.toArray(X509Certificate[]::new))
                .sslProvider(SslProvider.JDK)
                .protocols("TLSv1.3", "TLSv1.2")
                .clientAuth(ClientAuth.REQUIRE)
                .trustManager(new RegisteredCaTrustManager(authority))
                .build());
    }

    public X509Certificate certificate() {
        return chain.getFirst();
    }

    private static boolean stillGood(X509Certificate cert, Clock clock) {
        return cert.getNotAfter().toInstant().isAfter(clock.instant().plus(RENEW_BEFORE));
    }

    private static List<String> serverNames() {
        List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1", "::1"));
        try {
            String host = InetAddress.getLocalHost().getHostName();
            if (!names.contains(host)) {
                names.add(host);
            }
        } catch (IOException e) {
            log.debug("No host name for the server certificate: {}", e.toString());
        }
        return names;
    }
}
