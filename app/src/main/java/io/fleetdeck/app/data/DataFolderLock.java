package io.fleetdeck.app.data;

import io.fleetdeck.app.StartupException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second Fleetdeck off a data folder that one is already using. The operating system's file lock is the
 * guard, so a crashed instance never leaves the folder locked; the file's text is the holder's PID, for the message.
 * Owned by the instance that acquired it; closed once, at shutdown.
 */
public final class DataFolderLock implements AutoCloseable {

    /*
     * The lock covers one byte far past the PID text: Windows locks are mandatory, and a lock over the text would
     * stop the second instance from reading whose lock it is.
     */
    private static final long LOCKED_BYTE = Long.MAX_VALUE - 1;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    public static DataFolderLock acquire(DataFolder folder) throws StartupException {
        Path file = folder.lockFile();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new StartupException("data folder " + folder + " is in use by another Fleetdeck ("
                        + holderOf(file) + "); stop that one or choose another folder with --data-dir");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return new DataFolderLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StartupException("cannot lock data folder " + folder + ": " + DataFolder.reason(e), e);
        } catch (StartupException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Removes the lock file, then lets go of the lock, so a folder whose lock file is gone was shut down cleanly. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
        } finally {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock(LOCKED_BYTE, 1, false);
        } catch (OverlappingFileLockException sameProcess) {
            return null;
        }
    }

    private static String holderOf(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return text.matches("\\d+") ? "PID " + text : "PID unknown";
        } catch (IOException e) {
            return "PID unknown";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock attempt already failed; that error is the one to report
            }
        }
    }
}
