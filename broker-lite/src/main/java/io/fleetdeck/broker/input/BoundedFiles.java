package io.fleetdeck.broker.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file a user named (a policy document, a settings file, a PEM file in a data folder they chose) with a
 * bound: at most {@code limit + 1} bytes are ever read, so {@code /dev/zero}, an endless pipe or a huge file is
 * refused at once instead of filling the heap. Device files and FIFOs are read like any file, within the bound. Any
 * thread.
 */
public final class BoundedFiles {

    private BoundedFiles() {}

    /** The file's bytes, or {@link TooLargeException} when it holds more than {@code limit}. */
    public static byte[] read(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new TooLargeException(file, limit);
            }
            return bytes;
        }
    }

    /** The file as UTF-8 text, within the same bound (malformed bytes become U+FFFD, as Java's decoder does). */
    public static String readString(Path file, int limit) throws IOException {
        return new String(read(file, limit), StandardCharsets.UTF_8);
    }

    /** How a limit reads in a message: {@code 20 KB (20480 bytes)}. */
    public static String describe(int limit) {
        if (limit % (1024 * 1024) == 0) {
            return limit / (1024 * 1024) + " MiB (" + limit + " bytes)";
        }
        return limit % 1024 == 0 ? limit / 1024 + " KB (" + limit + " bytes)" : limit + " bytes";
    }

    /** A file past its bound; nothing beyond the first {@code limit + 1} bytes was read. */
    public static final class TooLargeException extends IOException {

        private final transient Path file;
        private final int limit;

        public TooLargeException(Path file, int limit) {
            super(file + " is larger than " + describe(limit));
            this.file = file;
            this.limit = limit;
        }

        public Path file() {
            return file;
        }

        public int limit() {
            return limit;
        }
    }
}
