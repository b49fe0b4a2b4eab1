package io.fleetdeck.app.data;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.jspecify.annotations.Nullable;

/**
 * Recognises a write refused because the folder is on a read-only disk or mount (EROFS, "Read-only file system"),
 * or denied by the folder's permissions.
 */
final class ReadOnlyDisk {

    private ReadOnlyDisk() {}

    static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AccessDeniedException) {
                return true;
            }
            String reason = cause instanceof FileSystemException fse ? fse.getReason() : null;
            if (says(cause.getMessage()) || says(reason)) {
                return true;
            }
        }
        return false;
    }

    private static boolean says(@Nullable String message) {
        return message != null && message.contains("Read-only file system");
    }
}
