package io.fleetdeck.app.runtime;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's limit on open files, logged once at start: every device connection, store file and index segment
 * takes one, so a limit too low for the fleet is the first thing to look for when connections are refused (issue 13).
 * The launchers raise the soft limit to the hard one; HotSpot does the same on Linux ({@code -XX:+MaxFDLimit}).
 */
final class OpenFileLimit {

    private static final Logger log = LoggerFactory.getLogger(OpenFileLimit.class);

    private OpenFileLimit() {}

    @SuppressForbidden(reason = "only the JDK's Unix MXBean tells the process's open-file limit; absent elsewhere")
    static void log() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (!(os instanceof UnixOperatingSystemMXBean unix)) {
            return; // Windows has no such per-process limit
        }
        log.info(
                "open files: soft {}, hard {} ({} open now)",
                unix.getMaxFileDescriptorCount(),
                hardLimit().orElse("unknown"),
                unix.getOpenFileDescriptorCount());
    }

    /** Linux says it in /proc/self/limits ("Max open files  SOFT  HARD  files"); the MXBean gives only the soft one. */
    static Optional<String> hardLimit() {
        Path limits = Path.of("/proc/self/limits");
        try {
            List<String> lines = Files.readAllLines(limits);
            return lines.stream()
                    .filter(line -> line.startsWith("Max open files"))
                    .map(line ->
                            line.substring("Max open files".length()).trim().split("\\s+"))
                    .filter(fields -> fields.length >= 2)
                    .map(fields -> fields[1])
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
