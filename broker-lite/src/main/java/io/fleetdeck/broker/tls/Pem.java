package io.fleetdeck.broker.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * PEM text of certificates, keys, CRLs and CSRs, as files, MQTT payloads and the store carry them; and AWS's
 * certificate id. The one place PEM is written and parsed: {@link PemFiles} keeps files of it.
 */
public final class Pem {

    private Pem() {}

    public static String of(X509Certificate certificate) {
        return write(certificate);
    }

    public static String of(java.security.cert.X509CRL revocationList) {
        return write(revocationList);
    }

    public static String of(PrivateKey key) {
        try {
            return write(new JcaPKCS8Generator(key, null));
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IllegalStateException("cannot write a private key as PEM", e);
        }
    }

    /** The certificate in {@code text}, or an exception saying what the text was instead. */
    public static X509Certificate certificate(String text) throws InvalidPemException {
        Object object = read(text);
        if (object instanceof X509CertificateHolder holder) {
            try {
                return new JcaX509CertificateConverter().getCertificate(holder);
            } catch (GeneralSecurityException e) {
                throw new InvalidPemException("the certificate cannot be read: " + e.getMessage());
            }
        }
        throw new InvalidPemException("expected a PEM certificate (-----BEGIN CERTIFICATE-----)");
    }

    /** The private key in {@code text}: PKCS#8, or a traditional key pair such as OpenSSL's "EC PRIVATE KEY". */
    public static PrivateKey privateKey(String text) throws InvalidPemException {
        Object object = read(text);
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (object instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
        } catch (PEMException e) {
            throw new InvalidPemException("the private key cannot be read: " + e.getMessage());
        }
        throw new InvalidPemException("expected a PEM private key (-----BEGIN PRIVATE KEY-----)");
    }

    /** Certificates one after the other, as a chain file holds them. */
    public static String of(List<X509Certificate> certificates) {
        StringBuilder text = new StringBuilder();
        certificates.forEach(certificate -> text.append(of(certificate)));
        return text.toString();
    }

    public static PKCS10CertificationRequest csr(String text) throws InvalidPemException {
        if (read(text) instanceof PKCS10CertificationRequest request) {
            return request;
        }
        throw new InvalidPemException(
                "expected a PEM certificate signing request (-----BEGIN CERTIFICATE REQUEST-----)");
    }

    /** AWS IoT's certificate id: the SHA-256 of the DER encoding, 64 lower-case hex digits. */
    public static String certificateId(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    private static Object read(String text) throws InvalidPemException {
        if (text == null || text.isBlank()) {
            throw new InvalidPemException("the PEM text is empty");
        }
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object object = parser.readObject();
            if (object == null) {
                throw new InvalidPemException("no PEM block found");
            }
            return object;
        } catch (IOException | RuntimeException e) {
            throw new InvalidPemException("not valid PEM: " + e.getMessage());
        }
    }

    private static String write(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write PEM", e);
        }
        return text.toString();
    }

    /** Text that is not the PEM object it should be. */
    public static final class InvalidPemException extends Exception {
        public InvalidPemException(String message) {
            super(message);
        }
    }
}
