package io.fleetdeck.fleet.pki;

import io.fleetdeck.broker.tls.PemFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * The data folder's root CA ({@code pki/root-ca.pem} and its owner-only key) signing device certificates, from a CSR or
 * with a key pair made here, as AWS IoT's CreateCertificateFromCsr and CreateKeysAndCertificate do. Device
 * certificates expire at the end of 2049, like the ones AWS IoT creates (AWS-IOT-BEHAVIOUR §5.1).
 */
public final class DeviceCertificateAuthority {

    /** The key types a device may be given: ECDSA P-256 by default, RSA 2048 for devices that need it. */
    public enum KeyType {
        EC_P256,
        RSA_2048
    }

    private static final Instant DEVICE_NOT_AFTER = Instant.parse("2049-12-31T23:59:59Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey caKey;
    private final X509Certificate caCertificate;
    private final Clock clock;

    private DeviceCertificateAuthority(PrivateKey caKey, X509Certificate caCertificate, Clock clock) {
        this.caKey = caKey;
        this.caCertificate = caCertificate;
        this.clock = clock;
    }

    /** The CA in {@code pkiFolder}, made by the broker's first start ({@code root-ca.pem}, {@code root-ca.key}). */
    public static DeviceCertificateAuthority load(Path pkiFolder, Clock clock)
            throws IOException, GeneralSecurityException {
        PemFiles files = new PemFiles(pkiFolder);
        return new DeviceCertificateAuthority(
                files.readPrivateKey(pkiFolder.resolve("root-ca.key")),
                files.readCertificate(pkiFolder.resolve("root-ca.pem")),
                clock);
    }

    public X509Certificate certificate() {
        return caCertificate;
    }

    /** A new key pair and its certificate, for {@code commonName}. */
    public Issued createKeysAndCertificate(String commonName, KeyType keyType) throws GeneralSecurityException {
        KeyPair keys = newKeyPair(keyType);
        return new Issued(issue(new X500Name("CN=" + escape(commonName)), keys.getPublic()), keys.getPrivate());
    }

    /** A certificate for the key and subject in a CSR, once its signature shows the requester holds the key. */
    public X509Certificate issueFromCsr(PKCS10CertificationRequest csr) throws InvalidCsrException {
        try {
            ContentVerifierProvider verifier =
                    new JcaContentVerifierProviderBuilder().build(csr.getSubjectPublicKeyInfo());
            if (!csr.isSignatureValid(verifier)) {
                throw new InvalidCsrException("the CSR's signature does not match its public key");
            }
            PublicKey key = new JcaPKCS10CertificationRequest(csr).getPublicKey();
            return issue(csr.getSubject(), key);
        } catch (OperatorCreationException | PKCSException | GeneralSecurityException e) {
            throw new InvalidCsrException("the CSR cannot be used: " + e.getMessage());
        }
    }

    /** This CA's certificate revocation list: each revoked certificate's serial and when it was revoked. */
    public X509CRL revocationList(Map<BigInteger, Instant> revoked) throws GeneralSecurityException {
        Instant now = clock.instant();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
        revoked.forEach((serial, when) -> builder.addCRLEntry(serial, Date.from(when), CRLReason.keyCompromise));
        try {
            String algorithm = caKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder(algorithm).build(caKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the CRL: " + e.getMessage(), e);
        }
    }

    private X509Certificate issue(X500Name subject, PublicKey key) throws GeneralSecurityException {
        try {
            Instant now = clock.instant();
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            var builder = new JcaX509v3CertificateBuilder(
                    caCertificate,
                    new BigInteger(159, RANDOM),
                    Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(DEVICE_NOT_AFTER),
                    subject,
                    key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(
                    Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(key));
            builder.addExtension(
                    Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(caCertificate));
            String algorithm = caKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(caKey)));
        } catch (OperatorCreationException | org.bouncycastle.cert.CertIOException e) {
            throw new GeneralSecurityException("cannot sign a device certificate: " + e.getMessage(), e);
        }
    }

    private static KeyPair newKeyPair(KeyType type) throws GeneralSecurityException {
        if (type == KeyType.RSA_2048) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    /** A common name may hold characters that mean something in an X.500 name: they are escaped, not dropped. */
    private static String escape(String value) {
        return value.replaceAll("([,+\"\\\\<>;=])", "\\\\$1");
    }

    /** A certificate made here with its private key, which is handed out once and never stored. */
    public record Issued(X509Certificate certificate, PrivateKey privateKey) {}

    /** A CSR that cannot be signed, and why. */
    public static final class InvalidCsrException extends Exception {
        public InvalidCsrException(String message) {
            super(message);
        }
    }
}
