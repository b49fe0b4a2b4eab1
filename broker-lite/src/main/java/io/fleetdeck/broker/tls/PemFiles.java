package io.fleetdeck.broker.tls;

import io.fleetdeck.broker.input.BoundedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * PEM files of certificates and keys in one folder. Private keys are written owner-only (0600) from their first byte,
 * and every file is replaced atomically, so a crash never leaves half a key.
 */
public final class PemFiles {

    /**
     * A certificate chain or key is a few KB; a PEM file is read only this far, so a data folder whose file was
     * replaced by something endless (a device, a FIFO, a huge file) is refused rather than filling the heap.
     */
    public static final int MAX_BYTES = 1024 * 1024;

    private final Path folder;

    public PemFiles(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    public boolean exists(Path... files) {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                return false;
            }
        }
        return true;
    }

    public X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try {
            return Pem.certificate(text(file));
        } catch (Pem.InvalidPemException e) {
            throw new GeneralSecurityException(file + " does not start with a PEM certificate", e);
        }
    }

    public PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        try {
            return Pem.privateKey(text(file));
        } catch (Pem.InvalidPemException e) {
            throw new GeneralSecurityException(file + " does not hold a PEM private key", e);
        }
    }

    private static String text(Path file) throws IOException {
        return new String(BoundedFiles.read(file, MAX_BYTES), StandardCharsets.US_ASCII);
    }

    public void writeCertificates(Path file, List<X509Certificate> certificates) throws IOException {
        replace(file, Pem.of(certificates), false);
    }

    public void writePrivateKey(Path file, PrivateKey key) throws IOException {
        replace(file, Pem.of(key), true);
    }

    /** Writes {@code content} to {@code file} atomically; owner-only (0600) from the first byte when asked. */
    public static void replace(Path file, String content, boolean ownerOnly) throws IOException {
        if (alreadyHolds(file, content, ownerOnly)) {
            // nothing to write: a start on a full disk or a read-only folder must not fail on rewriting the same text
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (ownerOnly && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean alreadyHolds(Path file, String content, boolean ownerOnly) {
        try {
            if (!Files.isRegularFile(file)
                    || Files.size(file) != content.length()
                    || !Files.readString(file, StandardCharsets.US_ASCII).equals(content)) {
                return false;
            }
            return !ownerOnly
                    || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    || Files.getPosixFilePermissions(file).equals(PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) { // unreadable or not ASCII: write it anew
            return false;
        }
    }
}
