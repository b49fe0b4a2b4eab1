package io.fleetdeck.app.data;

import io.fleetdeck.app.startup.StartupException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

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
    private final @Nullable FileChannel channel;
    private final @Nullable FileLock lock;
    private final boolean namesHolder;

    private DataFolderLock(Path file, @Nullable FileChannel channel, @Nullable FileLock lock, boolean namesHolder) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.namesHolder = namesHolder;
    }

    public static DataFolderLock acquire(DataFolder folder) throws StartupException {
        Path file = folder.lockFile();
        FileChannel channel = null;
        try {
            try {
                channel = FileChannel.open(
                        file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (IOException e) {
                if (!ReadOnlyDisk.causes(e)) {
                    throw e;
                }
                return onReadOnlyDisk(folder);
            }
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new StartupException("data folder " + folder + " is in use by another Fleetdeck ("
                        + holderOf(file) + "); stop that one or choose another folder with --data-dir");
            }
            return new DataFolderLock(file, channel, lock, writePid(channel));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StartupException("cannot lock data folder " + folder + ": " + DataFolder.reason(e), e);
        } catch (StartupException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * Writes this process's PID into the lock file, for the message a second instance gets. On a full disk there is no
     * room for it: the operating system's lock still guards the folder, so the start goes on without the PID (issue 13,
     * defect 6: a full disk must not keep reading commands and {@code serve} from starting).
     */
    private static boolean writePid(FileChannel channel) throws IOException {
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return true;
        } catch (IOException e) {
            if (!NoSpace.causes(e)) {
                throw e;
            }
            channel.truncate(0); // frees space, never needs it: a half-written PID would name the wrong process
            return false;
        }
    }

    /**
     * Whether another process holds {@code folder} now (a running console or {@code serve}), asked without taking the
     * lock: a shared lock on the locked byte is refused while an instance holds it, and let go of at once. A lock
     * file left by a crashed instance holds nothing.
     */
    public static boolean heldByAnother(DataFolder folder) throws IOException {
        Path file = folder.lockFile();
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock probe = tryLock(channel, true);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        }
    }

    /** False when the disk was too full to write the PID into the lock file; the lock holds all the same. */
    public boolean namesHolder() {
        return namesHolder;
    }

    /**
     * A folder on a read-only disk cannot be changed by anyone through this mount, so there is nothing to keep a second
     * reader from; a lock file left there by an instance that holds the folder through another, writable mount is
     * still honoured (a shared lock on it fails while that instance holds it).
     */
    private static DataFolderLock onReadOnlyDisk(DataFolder folder) throws IOException, StartupException {
        Path file = folder.lockFile();
        if (!Files.exists(file)) {
            return new DataFolderLock(file, null, null, false);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        FileLock lock = tryLock(channel, true);
        if (lock == null) {
            closeQuietly(channel);
            throw new StartupException("data folder " + folder + " is in use by another Fleetdeck (" + holderOf(file)
                    + "); stop that one or choose another folder with --data-dir");
        }
        return new DataFolderLock(file, channel, lock, false);
    }

    /** Removes the lock file, then lets go of the lock, so a folder whose lock file is gone was shut down cleanly. */
    @Override
    public void close() throws IOException {
        FileChannel open = channel;
        FileLock held = lock;
        if (open == null || held == null || held.isShared()) {
            // on a read-only disk: nothing was written, so nothing is removed
            if (open != null) {
                try {
                    if (held != null) {
                        held.release();
                    }
                } finally {
                    open.close();
                }
            }
            return;
        }
        try {
            Files.deleteIfExists(file);
        } finally {
            try {
                held.release();
            } finally {
                open.close();
            }
        }
    }

    private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
        return tryLock(channel, false);
    }

    private static @Nullable FileLock tryLock(FileChannel channel, boolean shared) throws IOException {
        try {
            return channel.tryLock(LOCKED_BYTE, 1, shared);
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

    private static void closeQuietly(@Nullable FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock attempt already failed; that error is the one to report
            }
        }
    }
}
