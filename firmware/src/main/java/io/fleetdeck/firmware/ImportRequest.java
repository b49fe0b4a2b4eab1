package io.fleetdeck.firmware;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An image to import: its bytes, the version and hardware targets it is for, and release notes. With {@code
 * signature} (DER) and {@code certificatePem} it was signed elsewhere and is verified; without both, the data folder
 * signs it.
 */
public record ImportRequest(
        byte[] content,
        @Nullable String fileName,
        String version,
        List<String> targets,
        @Nullable String releaseNotes,
        byte @Nullable [] signature,
        @Nullable String certificatePem) {

    // written out, not compact: javac drops type-use annotations from a compact constructor's parameters, and
    // NullAway would then see the signature as never null
    public ImportRequest(
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

    /** An image for the data folder to sign. */
    public static ImportRequest unsigned(
            byte[] content, @Nullable String fileName, String version, List<String> targets, @Nullable String notes) {
        return new ImportRequest(content, fileName, version, targets, notes, null, null);
    }
}
