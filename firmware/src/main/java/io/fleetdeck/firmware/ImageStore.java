package io.fleetdeck.firmware;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Image bytes stored by content, {@code firmware/images/sha256/<hex>}: the name is the hash of what the file must
 * hold, so a changed file is found by hashing it again. Written whole or not at all.
 */
final class ImageStore {

    private final Path folder;

    ImageStore(Path imagesFolder) {
        this.folder = imagesFolder.resolve("sha256");
    }

    static String sha256(byte[] content) {
        try {
            return ManifestFormat.hex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    Path path(String sha256) {
        return folder.resolve(sha256);
    }

    void put(String sha256, byte[] content) throws IOException {
        DataFiles.replace(path(sha256), content, false);
    }

    /** The stored bytes, or empty when the file is gone. */
    Optional<byte[]> read(String sha256) throws IOException {
        try (InputStream in = Files.newInputStream(path(sha256))) {
            return Optional.of(in.readAllBytes());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    void delete(String sha256) throws IOException {
        Files.deleteIfExists(path(sha256));
    }
}
