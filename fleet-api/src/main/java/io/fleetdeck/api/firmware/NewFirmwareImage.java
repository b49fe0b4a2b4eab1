package io.fleetdeck.api.firmware;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An image to import. Without {@code signature} and {@code certificatePem} the data folder signs it; with both, it
 * was signed elsewhere and is verified.
 *
 * @param version {@code MAJOR.MINOR.BUILD} (up to 255.255.65535: AWS's OTA agent reports versions in one 32-bit word)
 * @param signature the DER ECDSA-with-SHA-256 signature over the whole image, as {@code openssl dgst -sha256 -sign}
 *     writes it
 * @param certificatePem the signer's code-signing certificate, then any intermediate CAs, in PEM
 */
public record NewFirmwareImage(
        byte[] content,
        @Nullable String fileName,
        String version,
        List<String> targets,
        @Nullable String releaseNotes,
        byte @Nullable [] signature,
        @Nullable String certificatePem) {

    // written out, not compact: javac drops type-use annotations from a compact constructor's parameters, and
    // NullAway would then see the signature as never null
    public NewFirmwareImage(
            byte[] content,
            @Nullable String fileName,
            String version,
            List<String> targets,
            @Nullable String releaseNotes,
            byte @Nullable [] signature,
            @Nullable String certificatePem) {
        this.content = content.clone();
        this.fileName = fileName;
        this.version = version;
        this.targets = List.copyOf(targets);
        this.releaseNotes = releaseNotes;
        this.signature = signature == null ? null : signature.clone();
        this.certificatePem = certificatePem;
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public byte @Nullable [] signature() {
        return signature == null ? null : signature.clone();
    }
}
