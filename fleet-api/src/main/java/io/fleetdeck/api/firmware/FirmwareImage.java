package io.fleetdeck.api.firmware;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An image in the catalog.
 *
 * @param imageId its SHA-256 in hex (64 digits); lists show the first 12
 * @param signer the subject of the certificate that signed it
 * @param knownSafeFor the hardware targets whose known-safe version it is
 */
public record FirmwareImage(
        String imageId,
        long size,
        String version,
        List<String> targets,
        @Nullable String releaseNotes,
        @Nullable String fileName,
        Instant importedAt,
        SignedBy signedBy,
        String signer,
        List<String> knownSafeFor) {

    public FirmwareImage {
        targets = List.copyOf(targets);
        knownSafeFor = List.copyOf(knownSafeFor);
    }

    /** Who signed the image. */
    public enum SignedBy {
        /** The data folder's own firmware signing key, at import. */
        DATA_FOLDER,
        /** A signer elsewhere, whose signature and certificate came with the image and were verified. */
        IMPORTED
    }
}
