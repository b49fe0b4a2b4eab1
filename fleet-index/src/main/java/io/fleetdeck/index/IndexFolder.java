package io.fleetdeck.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet index's folder on disk: whether what is there can be trusted (closed cleanly, not behind the store), how
 * it is cleared or thrown away, and whether a failure means the disk cannot take it (full, or read-only).
 */
final class IndexFolder {

    /* the index's logger: these lines are the index's story, as before they moved here */
    private static final Logger log = LoggerFactory.getLogger(FleetIndex.class);

    /** The commit's user data that says the index was closed with everything written. */
    static final String CLEAN = "closedCleanly";

    /** A file that says the store changed while no index followed it: the index is behind until rebuilt. */
    static final String STORE_CHANGED = "store-changed-since-indexed";

    private IndexFolder() {}

    /** ENOSPC, EDQUOT or EROFS anywhere among the causes, or what they suppressed (Lucene adds the reason there). */
    static boolean diskCannotTakeIt(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String reason = cause instanceof java.nio.file.FileSystemException fse ? fse.getReason() : null;
            if (saysDiskCannotTakeIt(cause.getMessage()) || saysDiskCannotTakeIt(reason)) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (diskCannotTakeIt(suppressed)) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static boolean saysDiskCannotTakeIt(@Nullable String text) {
        return text != null
                && (text.contains("No space left on device")
                        || text.contains("Disk quota exceeded")
                        || text.contains("Read-only file system"));
    }

    /** Deleting needs no space: the next start finds no index and rebuilds it from the store. */
    static void discard(Path folder) {
        try (FSDirectory directory = FSDirectory.open(folder)) {
            for (String file : directory.listAll()) {
                directory.deleteFile(file);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("The fleet index in {} could not be thrown away ({})", folder, e.toString());
        }
    }

    /** Whether the last commit says the index was closed with everything written; false when missing or broken. */
    static boolean closedCleanly(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return false;
            }
            List<IndexCommit> commits = DirectoryReader.listCommits(directory);
            return "true".equals(commits.getLast().getUserData().get(CLEAN));
        } catch (IOException | RuntimeException unreadable) {
            log.warn("The fleet index cannot be read ({}); it is rebuilt from the store", unreadable.toString());
            return false;
        }
    }

    /** An untrusted index is thrown away whole: Lucene refuses to open over a broken commit, even to replace it. */
    static void clear(Directory directory) throws IOException {
        for (String file : directory.listAll()) {
            if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                directory.deleteFile(file);
            }
        }
    }

    /**
     * Says that the store changed while no index followed it (a command line wrote to it): whoever opens the index in
     * {@code folder} next rebuilds it first.
     */
    static void markStoreChanged(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(STORE_CHANGED), "the store changed after this index was last written\n");
        } catch (IOException e) {
            if (diskCannotTakeIt(e)) {
                // no room for the note on a full disk: an index that is gone is rebuilt just the same
                discard(folder);
                return;
            }
            throw new UncheckedIOException("cannot mark the fleet index in " + folder + " as behind the store", e);
        }
    }
}
