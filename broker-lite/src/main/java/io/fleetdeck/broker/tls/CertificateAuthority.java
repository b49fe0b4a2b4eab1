package io.fleetdeck.broker.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** The data folder's root CA: made once, kept in {@code root-ca.pem} and an owner-only {@code root-ca.key}. */
final class CertificateAuthority {

    private final PrivateKey key;
    private final X509Certificate certificate;

    private CertificateAuthority(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    static CertificateAuthority loadOrCreate(PemFiles files, Clock clock, Duration validity, CaKeyType keyType)
            throws IOException, GeneralSecurityException {
        Path certFile = files.folder().resolve("root-ca.pem");
        Path keyFile = files.folder().resolve("root-ca.key");
        if (files.exists(certFile, keyFile)) {
            return new CertificateAuthority(files.readPrivateKey(keyFile), files.readCertificate(certFile));
        }
        KeyPair pair = Certificates.newKeyPair(keyType);
        Instant now = clock.instant();
        X500Name name = new X500Name("CN=Fleetdeck Root CA " + host() + ",O=Fleetdeck");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                name,
                Certificates.newSerial(),
                Date.from(ServerIdentity.notBefore(now)),
                Date.from(now.plus(validity)),
                name,
                pair.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(
                Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
        X509Certificate certificate = sign(builder, pair.getPrivate());
        files.writePrivateKey(keyFile, pair.getPrivate());
        files.writeCertificates(certFile, List.of(certificate));
        return new CertificateAuthority(pair.getPrivate(), certificate);
    }

    X509Certificate issueServerCertificate(PublicKey serverKey, List<String> names, Instant now, Duration validity)
            throws GeneralSecurityException, CertIOException {
        X500Name subject = new X500Name("CN=" + names.getFirst() + ",O=Fleetdeck");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                certificate,
                Certificates.newSerial(),
                Date.from(ServerIdentity.notBefore(now)),
                Date.from(now.plus(validity)),
                subject,
                serverKey);
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(
                Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(serverKey));
        builder.addExtension(
                Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(certificate));
        return sign(builder, key);
    }

    X509Certificate certificate() {
        return certificate;
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

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws GeneralSecurityException {
        String signature = Certificates.signatureAlgorithm(signer);
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(signature).build(signer)));
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
}
