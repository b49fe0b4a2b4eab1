package io.fleetdeck.firmware;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files of the catalog written whole or not at all: into a temporary sibling, then renamed over the name. */
public final class DataFiles {

    private DataFiles() {}

    /** Writes {@code content} to {@code file} atomically: owner-only (0600) from the first byte when asked, else 0644. */
    public static void replace(Path file, byte[] content, boolean ownerOnly) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // a temporary file starts owner-only; what is not secret is readable as the data folder's PEMs are
                Files.setPosixFilePermissions(
                        temporary, PosixFilePermissions.fromString(ownerOnly ? "rw-------" : "rw-r--r--"));
            }
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
