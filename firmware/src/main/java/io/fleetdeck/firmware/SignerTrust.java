package io.fleetdeck.firmware;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether a certificate may sign this site's firmware: an ECDSA P-256 key, extendedKeyUsage codeSigning, and a chain
 * (RFC 5280 path validation) to the data folder's CA or to a CA the site placed in {@code firmware/trusted-signers/}
 * (PEM files). Revocation is not checked: the data folder's CRL lists device certificates only.
 */
public final class SignerTrust {

    static final String TRUSTED_SIGNERS_FOLDER = "trusted-signers";
    private static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";

    private final CodeSigningIssuer issuer;
    private final Path trustedSigners;

    SignerTrust(CodeSigningIssuer issuer, Path trustedSigners) {
        this.issuer = issuer;
        this.trustedSigners = trustedSigners;
    }

    /** Refuses {@code chain} (the signer's certificate first) unless it may sign firmware at {@code when}. */
    void check(List<X509Certificate> chain, Instant when) throws FirmwareException {
        X509Certificate signer = chain.getFirst();
        if (!isP256(signer.getPublicKey())) {
            throw invalid("the certificate's key is " + signer.getPublicKey().getAlgorithm()
                    + ", not ECDSA P-256: devices verify sig-sha256-ecdsa with a P-256 key");
        }
        if (!forCodeSigning(signer)) {
            throw invalid("the certificate " + signer.getSubjectX500Principal().getName()
                    + " is not for code signing: its extendedKeyUsage lacks codeSigning");
        }
        try {
            PKIXParameters parameters = new PKIXParameters(anchors());
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(when));
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
        } catch (CertPathValidatorException e) {
            throw invalid("the certificate " + signer.getSubjectX500Principal().getName()
                    + " does not chain to a CA this site trusts (the data folder's CA, or one in firmware/"
                    + TRUSTED_SIGNERS_FOLDER + "/): " + e.getMessage());
        } catch (IOException | GeneralSecurityException e) {
            throw new FirmwareException(
                    FirmwareException.Reason.STORAGE, "cannot read the CAs trusted to sign firmware: " + e, e);
        }
    }

    /** Whether {@code signature} (DER) is ECDSA-with-SHA-256 by {@code key} over every byte of {@code image}. */
    static boolean signatureHolds(byte[] image, byte[] signature, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(CodeSigner.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(image);
            return verifier.verify(signature);
        } catch (SignatureException e) { // not a DER SEQUENCE{r, s}: no signature at all
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + CodeSigner.ALGORITHM, e);
        }
    }

    private Set<TrustAnchor> anchors() throws IOException, GeneralSecurityException {
        List<X509Certificate> roots = new ArrayList<>(issuer.roots());
        if (Files.isDirectory(trustedSigners)) {
            try (Stream<Path> files = Files.list(trustedSigners)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".pem"))
                        .sorted()
                        .toList()) {
                    roots.addAll(PemText.certificates(Files.readString(file, StandardCharsets.US_ASCII)));
                }
            }
        }
        Set<TrustAnchor> anchors = new HashSet<>();
        for (X509Certificate root : roots) {
            anchors.add(new TrustAnchor(root, null));
        }
        if (anchors.isEmpty()) {
            throw new InvalidAlgorithmParameterException("no CA is trusted to sign firmware");
        }
        return anchors;
    }

    private static boolean forCodeSigning(X509Certificate certificate) {
        try {
            List<String> purposes = certificate.getExtendedKeyUsage();
            return purposes != null && purposes.contains(CODE_SIGNING);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    static boolean isP256(PublicKey key) {
        if (!(key instanceof ECPublicKey ec)) {
            return false;
        }
        try {
            AlgorithmParameters p256 = AlgorithmParameters.getInstance("EC");
            p256.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec expected = p256.getParameterSpec(ECParameterSpec.class);
            ECParameterSpec actual = ec.getParams();
            return actual.getCurve().equals(expected.getCurve())
                    && actual.getOrder().equals(expected.getOrder())
                    && actual.getGenerator().equals(expected.getGenerator());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime knows secp256r1", e);
        }
    }

    private static FirmwareException invalid(String message) {
        return new FirmwareException(FirmwareException.Reason.INVALID, message);
    }
}
