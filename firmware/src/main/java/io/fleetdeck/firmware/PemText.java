package io.fleetdeck.firmware;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** PEM text of certificates and of the signing key (PKCS #8), as openssl writes and reads them. */
final class PemText {

    private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String KEY_END = "-----END PRIVATE KEY-----";

    private PemText() {}

    static String of(X509Certificate certificate) throws CertificateException {
        return block("CERTIFICATE", certificate.getEncoded());
    }

    static String of(List<X509Certificate> chain) throws CertificateException {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : chain) {
            text.append(of(certificate));
        }
        return text.toString();
    }

    static String of(PrivateKey key) {
        return block("PRIVATE KEY", key.getEncoded());
    }

    private static String block(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** The certificates in {@code text}, the signer's first; none is an error, as is anything that is not PEM. */
    static List<X509Certificate> certificates(String text) throws CertificateException {
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            throw new CertificateException("no PEM certificate (-----BEGIN CERTIFICATE-----) in it");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)))) {
            chain.add((X509Certificate) certificate);
        }
        if (chain.isEmpty()) {
            throw new CertificateException("no certificate could be read from it");
        }
        return List.copyOf(chain);
    }

    static PrivateKey ecPrivateKey(String text) throws GeneralSecurityException {
        int begin = text.indexOf(KEY_BEGIN);
        int end = text.indexOf(KEY_END);
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException("no PEM private key (" + KEY_BEGIN + ") in it");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + KEY_BEGIN.length(), end));
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}
