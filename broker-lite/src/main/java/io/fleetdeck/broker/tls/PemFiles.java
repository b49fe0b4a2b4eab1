package io.fleetdeck.broker.tls;

import io.fleetdeck.broker.input.BoundedFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
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
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

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
        try (Reader reader = bounded(file);
                PEMParser parser = new PEMParser(reader)) {
            if (parser.readObject() instanceof X509CertificateHolder holder) {
                return new JcaX509CertificateConverter().getCertificate(holder);
            }
            throw new GeneralSecurityException(file + " does not start with a PEM certificate");
        }
    }

    public PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        try (Reader reader = bounded(file);
                PEMParser parser = new PEMParser(reader)) {
            Object pem = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (pem instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (pem instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            throw new GeneralSecurityException(file + " does not hold a PEM private key");
        }
    }

    private static Reader bounded(Path file) throws IOException {
        return new StringReader(new String(BoundedFiles.read(file, MAX_BYTES), StandardCharsets.US_ASCII));
    }

    public void writeCertificates(Path file, List<X509Certificate> certificates) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        }
        replace(file, text.toString(), false);
    }

    public void writePrivateKey(Path file, PrivateKey key) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(new JcaPKCS8Generator(key, null));
        }
        replace(file, text.toString(), true);
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
