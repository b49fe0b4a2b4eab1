package io.fleetdeck.broker.server.admission;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * One kind of event that may come thousands of times a second (accept errors, refused connections): the first is
 * logged at once, later ones are counted and logged as one line with their number at most once per interval. A flood
 * then costs the log a line every few seconds instead of a line per socket. Thread-safe.
 */
public final class ThrottledLog {

    private final Logger log;
    private final String what;
    private final long intervalNanos;
    private long lastLoggedNanos;
    private boolean loggedOnce;
    private long unlogged;
    private String latestDetail = "";
    private long total;

    /** @param what the event as a plural noun phrase: "accept errors", "connections closed without CONNECT" */
    public ThrottledLog(Logger log, String what, long interval, TimeUnit unit) {
        this.log = log;
        this.what = what;
        this.intervalNanos = unit.toNanos(interval);
    }

    public void record(String detail) {
        long now = System.nanoTime();
        String line = null;
        synchronized (this) {
            total++;
            latestDetail = detail;
            if (!loggedOnce) {
                loggedOnce = true;
                lastLoggedNanos = now;
                line = "1 of the " + what + ": " + detail;
            } else {
                unlogged++;
                if (now - lastLoggedNanos >= intervalNanos) {
                    line = summaryLocked(now);
                }
            }
        }
        if (line != null) {
            log.warn(line);
        }
    }

    /** Logs what was counted since the last line, if anything; called periodically so the last burst is not lost. */
    public void flush() {
        String line;
        synchronized (this) {
            line = unlogged == 0 ? null : summaryLocked(System.nanoTime());
        }
        if (line != null) {
            log.warn(line);
        }
    }

    public synchronized long total() {
        return total;
    }

    private String summaryLocked(long now) {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(now - lastLoggedNanos));
        String count = unlogged == 1 ? "1 more of the" : Long.toString(unlogged);
        String line = count + " " + what + " in the last " + seconds + " s (latest: " + latestDetail + ")";
        unlogged = 0;
        lastLoggedNanos = now;
        return line;
    }
}
