package io.fleetdeck.broker.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.jspecify.annotations.Nullable;

/**
 * The data folder's root CA: made once, at the broker's first start, and kept in {@code pki/root-ca.pem} and an
 * owner-only {@code pki/root-ca.key}. It signs the broker's server certificate, device certificates (from a CSR, or
 * with a key pair made here, as AWS IoT's CreateCertificateFromCsr and CreateKeysAndCertificate do) and its revocation
 * list. Device certificates expire at the end of 2049, like the ones AWS IoT creates (AWS-IOT-BEHAVIOUR §5.1), or
 * with this CA when it ends sooner: no certificate it signs outlives it (RFC 5280 §6.1.3: a chain is only valid while
 * every certificate in it is). Immutable: any thread may use it.
 */
public final class CertificateAuthority {

    private static final String CERTIFICATE_FILE = "root-ca.pem";
    private static final String KEY_FILE = "root-ca.key";
    private static final Instant DEVICE_NOT_AFTER = Instant.parse("2049-12-31T23:59:59Z");

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Clock clock;

    private CertificateAuthority(PrivateKey key, X509Certificate certificate, Clock clock) {
        this.key = key;
        this.certificate = certificate;
        this.clock = clock;
    }

    /** The CA in {@code pkiFolder}, made by the broker's first start ({@code root-ca.pem}, {@code root-ca.key}). */
    public static CertificateAuthority load(Path pkiFolder, Clock clock) throws IOException, GeneralSecurityException {
        return read(new PemFiles(pkiFolder), clock);
    }

    /** The CA in {@code files}' folder, made now with a {@code keyType} key when it is not there yet. */
    static CertificateAuthority loadOrCreate(PemFiles files, Clock clock, Duration validity, CaKeyType keyType)
            throws IOException, GeneralSecurityException {
        Path certFile = files.folder().resolve(CERTIFICATE_FILE);
        Path keyFile = files.folder().resolve(KEY_FILE);
        if (files.exists(certFile, keyFile)) {
            return read(files, clock);
        }
        KeyPair pair = Certificates.newKeyPair(keyType);
        Instant now = clock.instant();
        X500Name name = new X500Name("CN=Fleetdeck Root CA " + host() + ",O=Fleetdeck");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                name, Certificates.newSerial(), notBefore(now), Date.from(now.plus(validity)), name, pair.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(
                Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
        X509Certificate certificate = sign(builder, pair.getPrivate());
        files.writePrivateKey(keyFile, pair.getPrivate());
        files.writeCertificates(certFile, List.of(certificate));
        return new CertificateAuthority(pair.getPrivate(), certificate, clock);
    }

    private static CertificateAuthority read(PemFiles files, Clock clock) throws IOException, GeneralSecurityException {
        return new CertificateAuthority(
                files.readPrivateKey(files.folder().resolve(KEY_FILE)),
                files.readCertificate(files.folder().resolve(CERTIFICATE_FILE)),
                clock);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The broker's certificate for {@code names} (the first is its common name), valid for {@code validity}. */
    X509Certificate issueServerCertificate(PublicKey serverKey, List<String> names, Duration validity)
            throws GeneralSecurityException, CertIOException {
        Instant now = clock.instant();
        return issue(
                new X500Name("CN=" + names.getFirst() + ",O=Fleetdeck"),
                serverKey,
                now,
                now.plus(validity),
                KeyPurposeId.id_kp_serverAuth,
                KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
                alternativeNames(names));
    }

    /** A new key pair and its device certificate, for {@code commonName}. */
    public Issued createKeysAndCertificate(String commonName, CaKeyType keyType) throws GeneralSecurityException {
        KeyPair keys = Certificates.newKeyPair(keyType);
        return new Issued(issueDevice(new X500Name("CN=" + escape(commonName)), keys.getPublic()), keys.getPrivate());
    }

    /** A device certificate for the key and subject in a CSR, once its signature shows the requester holds the key. */
    public X509Certificate issueFromCsr(PKCS10CertificationRequest csr) throws InvalidCsrException {
        try {
            ContentVerifierProvider verifier =
                    new JcaContentVerifierProviderBuilder().build(csr.getSubjectPublicKeyInfo());
            if (!csr.isSignatureValid(verifier)) {
                throw new InvalidCsrException("the CSR's signature does not match its public key");
            }
            PublicKey key = new JcaPKCS10CertificationRequest(csr).getPublicKey();
            return issueDevice(csr.getSubject(), key);
        } catch (OperatorCreationException | PKCSException | GeneralSecurityException e) {
            throw new InvalidCsrException("the CSR cannot be used: " + e.getMessage());
        }
    }

    /** This CA's certificate revocation list: each revoked certificate's serial and when it was revoked. */
    public X509CRL revocationList(Map<BigInteger, Instant> revoked) throws GeneralSecurityException {
        Instant now = clock.instant();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
        revoked.forEach((serial, when) -> builder.addCRLEntry(serial, Date.from(when), CRLReason.keyCompromise));
        return new JcaX509CRLConverter().getCRL(builder.build(signer(key)));
    }

    private X509Certificate issueDevice(X500Name subject, PublicKey deviceKey) throws GeneralSecurityException {
        try {
            return issue(
                    subject,
                    deviceKey,
                    clock.instant(),
                    DEVICE_NOT_AFTER,
                    KeyPurposeId.id_kp_clientAuth,
                    KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
                    null);
        } catch (CertIOException e) {
            throw new GeneralSecurityException("cannot sign a device certificate: " + e.getMessage(), e);
        }
    }

    /**
     * The data folder's firmware signing certificate for {@code signingKey}: extendedKeyUsage codeSigning and
     * digitalSignature only, so it can sign images (which devices check with it, AWS-OTA-AND-STREAMS §A.4) but can
     * neither serve nor join TLS. It ends when device certificates do.
     */
    public X509Certificate issueCodeSigning(String commonName, PublicKey signingKey) throws GeneralSecurityException {
        try {
            return issue(
                    new X500Name("CN=" + escape(commonName) + ",O=Fleetdeck"),
                    signingKey,
                    clock.instant(),
                    DEVICE_NOT_AFTER,
                    KeyPurposeId.id_kp_codeSigning,
                    KeyUsage.digitalSignature,
                    null);
        } catch (CertIOException e) {
            throw new GeneralSecurityException("cannot sign a code-signing certificate: " + e.getMessage(), e);
        }
    }

    /** An end-entity certificate signed by this CA, for a TLS server or client or code signing as {@code purpose} says. */
    private X509Certificate issue(
            X500Name subject,
            PublicKey subjectKey,
            Instant now,
            Instant notAfter,
            KeyPurposeId purpose,
            int keyUsage,
            @Nullable GeneralNames alternativeNames)
            throws GeneralSecurityException, CertIOException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                certificate, Certificates.newSerial(), notBefore(now), withinThisCa(notAfter), subject, subjectKey);
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        if (alternativeNames != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
        }
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
        builder.addExtension(
                Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(certificate));
        return sign(builder, key);
    }

    /**
     * {@code notAfter}, or this CA's own end when that comes first: a certificate past its issuer's end fails every
     * chain check, so a device would hold a date it can never reach. Devices move to a successor CA by re-issuing.
     */
    private Date withinThisCa(Instant notAfter) {
        Date caEnds = certificate.getNotAfter();
        return notAfter.isAfter(caEnds.toInstant()) ? caEnds : Date.from(notAfter);
    }

    private static Date notBefore(Instant now) {
        // a little slack for clients whose clocks run behind
        return Date.from(now.minus(Duration.ofHours(1)));
    }

    private static GeneralNames alternativeNames(List<String> names) {
        return new GeneralNames(names.stream()
                .map(name -> isAddress(name)
                        ? new GeneralName(GeneralName.iPAddress, name)
                        : new GeneralName(GeneralName.dNSName, name))
                .toArray(GeneralName[]::new));
    }

    private static boolean isAddress(String name) {
        return name.contains(":") || name.matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    }

    /** A common name may hold characters that mean something in an X.500 name: they are escaped, not dropped. */
    private static String escape(String value) {
        return value.replaceAll("([,+\"\\\\<>;=])", "\\\\$1");
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(signer)));
    }

    private static ContentSigner signer(PrivateKey signer) throws GeneralSecurityException {
        String signature = Certificates.signatureAlgorithm(signer);
        try {
            return new JcaContentSignerBuilder(signature).build(signer);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with " + signature, e);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
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
