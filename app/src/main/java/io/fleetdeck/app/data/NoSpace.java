package io.fleetdeck.app.data;

import java.io.IOException;
import java.nio.file.FileSystemException;
import org.jspecify.annotations.Nullable;

/**
 * Recognises a write refused because the disk is full: ENOSPC ("No space left on device") or, for a user with a
 * quota, EDQUOT ("Disk quota exceeded"). Java reports both as a plain {@link IOException} with the C library's text, so
 * the text is all there is to go by.
 */
public final class NoSpace {

    private NoSpace() {}

    /** True when {@code failure}, or anything that caused it, is the disk being full. */
    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (says(cause.getMessage()) || (cause instanceof FileSystemException fse && says(fse.getReason()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static boolean says(@Nullable String message) {
        return message != null
                && (message.contains("No space left on device")
                        || message.contains("Disk quota exceeded")
                        // SQLite's SQLITE_FULL, as the JDBC driver words it
                        || message.contains("database or disk is full"));
    }
}
