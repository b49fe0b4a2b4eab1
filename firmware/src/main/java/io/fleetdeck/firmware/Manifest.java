package io.fleetdeck.firmware;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the catalog knows of one image, kept as JSON beside it ({@link ManifestFormat}): its SHA-256 (also its id and
 * the name its bytes are stored under), size, version, hardware targets, release notes, where it came from, and the
 * signature devices check with the certificate that made it.
 *
 * @param signature the DER ECDSA signature over the whole image ({@code sig-sha256-ecdsa} is its base64)
 * @param certificatePem the signer's certificate, then any intermediates, in PEM
 */
public record Manifest(
        String sha256,
        long size,
        FirmwareVersion version,
        List<String> targets,
        @Nullable String releaseNotes,
        @Nullable String fileName,
        Instant importedAt,
        Signer signedBy,
        byte[] signature,
        String certificatePem) {

    /** Who signed the image. */
    public enum Signer {
        /** This data folder's signing key, at import. */
        DATA_FOLDER,
        /** Someone else, whose signature and certificate came with the image and were verified at import. */
        IMPORTED
    }

    public Manifest {
        targets = List.copyOf(targets);
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Whether this image is {@code version} for {@code target}. */
    boolean is(FirmwareVersion version, String target) {
        return this.version.equals(version) && targets.contains(target);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Manifest that
                && size == that.size
                && sha256.equals(that.sha256)
                && version.equals(that.version)
                && targets.equals(that.targets)
                && Objects.equals(releaseNotes, that.releaseNotes)
                && Objects.equals(fileName, that.fileName)
                && importedAt.equals(that.importedAt)
                && signedBy == that.signedBy
                && Arrays.equals(signature, that.signature)
                && certificatePem.equals(that.certificatePem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sha256, version, targets, importedAt);
    }
}
