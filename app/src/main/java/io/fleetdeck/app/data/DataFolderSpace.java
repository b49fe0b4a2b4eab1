package io.fleetdeck.app.data;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The free space of the disk that holds the data folder. While it is full, the store refuses changes (a device's
 * shadow update gets AWS's 500, "Internal service failure") and reading goes on; once space is freed, changes are
 * taken again at once (issue 13, defect 6). A running instance {@link #watch watches} it, to say so in the log and
 * the status bar when it turns. Owned by the instance or command that made it; {@link #refusal()} may be called from
 * any thread, listeners are called on the watching thread.
 */
public final class DataFolderSpace implements AutoCloseable {

    /**
     * Below this the disk counts as full: a shadow commit writes a few pages to SQLite's log, and a nearly full disk
     * is better refused cleanly than failed half-way through a batch.
     */
    static final long FULL_BELOW_BYTES = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(DataFolderSpace.class);
    private static final long WATCH_EVERY_MILLIS = 500;

    private final Object folder;
    private final Path root;
    private final FileStore disk;
    private final CopyOnWriteArrayList<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private @Nullable ScheduledExecutorService watcher;
    private volatile boolean full;

    private DataFolderSpace(Object folder, Path root, FileStore disk) {
        this.folder = folder;
        this.root = root;
        this.disk = disk;
        this.full = isFull();
    }

    public static DataFolderSpace of(DataFolder folder) throws IOException {
        return new DataFolderSpace(folder, folder.root(), Files.getFileStore(folder.root()));
    }

    /** For a folder not opened (a command's message after it closed the folder). */
    public static DataFolderSpace at(Path folder) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        return new DataFolderSpace(root, root, Files.getFileStore(folder));
    }

    /** Asks the operating system now: fewer than {@value #FULL_BELOW_BYTES} bytes left for this user. */
    public boolean isFull() {
        try {
            return disk.getUsableSpace() < FULL_BELOW_BYTES;
        } catch (IOException e) {
            return false; // unknown: let the write try, and fail on its own terms
        }
    }

    /** Why a change to the store is refused now, or null while there is room: for the store's write gate. */
    public @Nullable String refusal() {
        if (disk.isReadOnly() || (root != null && !Files.isWritable(root))) {
            return "data folder " + folder + " is read-only; changes cannot be made there";
        }
        return isFull() ? "no space left on the disk of data folder " + folder + "; free some to make changes" : null;
    }

    /** Whether the disk was full when last looked at (by {@link #watch}, or at creation). */
    public boolean wasFull() {
        return full;
    }

    /** {@code listener} hears {@code true} when the disk turns full and {@code false} when space returns. */
    public void onChange(Consumer<Boolean> listener) {
        listeners.add(listener);
    }

    /** Looks twice a second from now on; says at once in the log when the disk is full already. */
    public synchronized void watch() {
        if (watcher != null) {
            return;
        }
        full = isFull();
        if (full) {
            logFull();
        }
        watcher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("data-folder-space").factory());
        watcher.scheduleWithFixedDelay(this::look, WATCH_EVERY_MILLIS, WATCH_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void look() {
        boolean now = isFull();
        if (now == full) {
            return;
        }
        full = now;
        if (now) {
            logFull();
        } else {
            log.info(
                    "Space is back on the disk of data folder {} ({} MB free): changes are taken again",
                    folder,
                    String.format(Locale.ROOT, "%.1f", usable() / 1e6));
        }
        for (Consumer<Boolean> listener : listeners) {
            try {
                listener.accept(now);
            } catch (RuntimeException e) {
                log.warn("A listener of the data folder's free space failed", e);
            }
        }
    }

    private void logFull() {
        log.warn(
                "The disk of data folder {} is full ({} bytes free): changes are refused (500) until space is freed;"
                        + " reading goes on",
                folder,
                usable());
    }

    private long usable() {
        try {
            return disk.getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
