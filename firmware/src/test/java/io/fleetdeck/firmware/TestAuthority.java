package io.fleetdeck.firmware;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A real CA made with Bouncy Castle for the tests, as the data folder's or another site's would be. */
public final class TestAuthority implements CodeSigningIssuer {

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    final KeyPair keys;
    final X509Certificate certificate;

    public TestAuthority(String name) throws Exception {
        keys = p256();
        X500Name subject = new X500Name("CN=" + name + ",O=Fleetdeck tests");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject,
                BigInteger.valueOf(SERIALS.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(3650))),
                subject,
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        certificate = sign(builder, keys.getPrivate());
    }

    static KeyPair p256() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    @Override
    public X509Certificate issueCodeSigning(String commonName, PublicKey key) throws GeneralSecurityException {
        return issue(commonName, key, KeyPurposeId.id_kp_codeSigning);
    }

    X509Certificate issue(String commonName, PublicKey key, KeyPurposeId purpose) throws GeneralSecurityException {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    certificate,
                    BigInteger.valueOf(SERIALS.incrementAndGet()),
                    Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(365))),
                    new X500Name("CN=" + commonName),
                    key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            return sign(builder, keys.getPrivate());
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    @Override
    public List<X509Certificate> roots() {
        return List.of(certificate);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** A signer elsewhere: its key and its code-signing certificate from this CA. */
    record Signer(PrivateKey key, X509Certificate certificate) {
        byte[] sign(byte[] image) throws GeneralSecurityException {
            java.security.Signature signature = java.security.Signature.getInstance("SHA256withECDSA");
            signature.initSign(key);
            signature.update(image);
            return signature.sign();
        }

        String pem() throws GeneralSecurityException {
            return PemText.of(certificate);
        }
    }

    Signer signer(String name, KeyPurposeId purpose) throws GeneralSecurityException {
        KeyPair pair = p256();
        return new Signer(pair.getPrivate(), issue(name, pair.getPublic(), purpose));
    }
}
