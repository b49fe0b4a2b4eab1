package io.fleetdeck.firmware;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

/**
 * The data folder's firmware signing key (ECDSA P-256) and its code-signing certificate from the data folder's CA:
 * made at the first signature and kept beside the CA's own key, {@code pki/code-signing.key} (owner-only, never
 * leaves the folder) and {@code pki/code-signing.pem}. Devices verify with the certificate (AWS-OTA-AND-STREAMS §A.4).
 * Immutable once loaded: any thread may sign.
 */
public final class CodeSigner {

    static final String KEY_FILE = "code-signing.key";
    static final String CERTIFICATE_FILE = "code-signing.pem";
    static final String ALGORITHM = "SHA256withECDSA";

    private final PrivateKey key;
    private final X509Certificate certificate;

    private CodeSigner(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** The signer kept in {@code pkiFolder}, made now (key, then certificate from {@code issuer}) when absent. */
    public static CodeSigner loadOrCreate(Path pkiFolder, CodeSigningIssuer issuer)
            throws IOException, GeneralSecurityException {
        Path keyFile = pkiFolder.resolve(KEY_FILE);
        Path certificateFile = pkiFolder.resolve(CERTIFICATE_FILE);
        if (Files.isRegularFile(keyFile) && Files.isRegularFile(certificateFile)) {
            return new CodeSigner(
                    PemText.ecPrivateKey(Files.readString(keyFile, StandardCharsets.US_ASCII)),
                    PemText.certificates(Files.readString(certificateFile, StandardCharsets.US_ASCII))
                            .getFirst());
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        X509Certificate certificate = issuer.issueCodeSigning("Fleetdeck firmware signer", pair.getPublic());
        // the key first: a certificate without its key would be a signer that can never sign
        DataFiles.replace(keyFile, PemText.of(pair.getPrivate()).getBytes(StandardCharsets.US_ASCII), true);
        DataFiles.replace(certificateFile, PemText.of(List.of(certificate)).getBytes(StandardCharsets.US_ASCII), false);
        return new CodeSigner(pair.getPrivate(), certificate);
    }

    /** The DER signature ({@code SEQUENCE{r, s}}) over the whole image, as {@code sig-sha256-ecdsa} carries it. */
    public byte[] sign(byte[] image) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(ALGORITHM);
        signature.initSign(key);
        signature.update(image);
        return signature.sign();
    }

    public X509Certificate certificate() {
        return certificate;
    }
}
