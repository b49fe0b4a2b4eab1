package io.fleetdeck.views.certificates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Writes an issued bundle the way {@code fleetdeck device add} does: {@code NAME.cert.pem}, {@code NAME.private.key}
 * (readable by its owner only, where the file system knows owners) and {@code root-ca.pem}.
 */
final class BundleFiles {

    private BundleFiles() {}

    /** The files written, certificate, key and root CA in that order. */
    static List<Path> save(IssuedBundle bundle, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path certificate = folder.resolve(bundle.thingName() + ".cert.pem");
        Path key = folder.resolve(bundle.thingName() + ".private.key");
        Path rootCa = folder.resolve("root-ca.pem");
        writeOwnerOnly(key, bundle.privateKeyPem());
        Files.writeString(certificate, bundle.certificatePem());
        Files.writeString(rootCa, bundle.rootCaPem());
        return List.of(certificate, key, rootCa);
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, text);
    }
}
