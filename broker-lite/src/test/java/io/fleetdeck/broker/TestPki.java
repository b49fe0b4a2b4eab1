package io.fleetdeck.broker;

import io.fleetdeck.broker.tls.Pem;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Throwaway CAs and device certificates for tests, written as PEM files the Mosquitto clients can use. */
public final class TestPki {

    public record Issued(X509Certificate certificate, KeyPair keys, Path certFile, Path keyFile, String id) {}

    private TestPki() {}

    public static Issued ca(Path folder, String name) throws Exception {
        KeyPair keys = keyPair();
        X500Name subject = new X500Name("CN=" + name);
        var builder = new JcaX509v3CertificateBuilder(subject, serial(), from(-1), from(30), subject, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        return write(folder, name, sign(builder, keys), keys);
    }

    public static Issued device(Path folder, Issued ca, String commonName) throws Exception {
        return device(folder, ca, commonName, -1, 30);
    }

    /** A device certificate whose validity ended yesterday. */
    public static Issued expiredDevice(Path folder, Issued ca, String commonName) throws Exception {
        return device(folder, ca, commonName, -30, -1);
    }

    private static Issued device(Path folder, Issued ca, String commonName, int fromDay, int untilDay)
            throws Exception {
        KeyPair keys = keyPair();
        var builder = new JcaX509v3CertificateBuilder(
                ca.certificate(),
                serial(),
                from(fromDay),
                from(untilDay),
                new X500Name("CN=" + commonName),
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        return write(folder, commonName, sign(builder, ca.keys()), keys);
    }

    /** The device's own key and certificate, trusting the broker's CA: what an AWS IoT device SDK sets up. */
    public static SSLContext deviceTls(Issued device, Path brokerCa) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("device", device.keys().getPrivate(), new char[0], new Certificate[] {device.certificate()});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", Pem.certificate(Files.readString(brokerCa)));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    private static Issued write(Path folder, String name, X509Certificate certificate, KeyPair keys)
            throws IOException, GeneralSecurityException {
        Path certFile = folder.resolve(name + ".cert.pem");
        Path keyFile = folder.resolve(name + ".private.key");
        Files.writeString(certFile, Pem.of(certificate));
        Files.writeString(keyFile, Pem.of(keys.getPrivate()));
        return new Issued(certificate, keys, certFile, keyFile, Pem.certificateId(certificate));
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair signer) throws Exception {
        return new JcaX509CertificateConverter()
                .getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(System.nanoTime()).abs();
    }

    private static Date from(int days) {
        return Date.from(Instant.now().plus(Duration.ofDays(days)));
    }
}
