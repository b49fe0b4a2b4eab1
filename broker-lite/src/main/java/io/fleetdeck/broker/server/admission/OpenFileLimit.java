package io.fleetdeck.broker.server.admission;

import com.sun.management.UnixOperatingSystemMXBean;
import io.fleetdeck.broker.SuppressForbidden;
import java.lang.management.ManagementFactory;

/**
 * The process's limit on open files, and how many of them the broker's sockets may take. The rest is headroom for the
 * store (SQLite's database, journal and WAL), the index (Lucene holds several files per segment, more while it merges),
 * the logs and the JDK: when sockets ate the last file, the store and the index failed with "Too many open files".
 *
 * @param maxFiles the soft limit in force (the JVM raises it to the hard limit at start on Linux), or -1 when the
 *     platform does not say
 */
@SuppressForbidden(
        reason = "only com.sun.management tells the open-file limit; elsewhere the JDK reports none, and so do we")
public record OpenFileLimit(long maxFiles) {

    /** Where the platform does not say (Windows has no such limit on sockets), a cap that a desktop never meets. */
    private static final int UNKNOWN_LIMIT_CAP = 50_000;

    public static OpenFileLimit current() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? new OpenFileLimit(unix.getMaxFileDescriptorCount())
                : new OpenFileLimit(-1);
    }

    /** Open files now, or -1 when the platform does not say. */
    public static long openNow() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getOpenFileDescriptorCount()
                : -1;
    }

    /**
     * Files kept for everything but sockets: what the process has open already when the broker starts (the JDK's
     * modules and jars, the store, the index, the logs, the event loops' selectors), and a tenth of the limit more for
     * what they open later, at least 256 files and at most 4,096; never more than the limit allows.
     */
    public int headroom(long openAtStart) {
        return (int) Math.min(Math.max(0, openAtStart) + reserve(), maxFiles - 1);
    }

    /** Files kept for what the store, the index and the logs open later: a tenth of the limit, 256 to 4,096. */
    public long reserve() {
        return Math.clamp(maxFiles / 10, 256, 4096);
    }

    /** The connections sockets may take, given the files open now. */
    public int connectionCap() {
        if (maxFiles <= 0) {
            return UNKNOWN_LIMIT_CAP;
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, maxFiles - headroom(openNow())));
    }
}
