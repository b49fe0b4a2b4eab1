package io.fleetdeck.app.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class-data-sharing archive of the launcher's classes (JDK 19+ {@code -XX:+AutoCreateSharedArchive}) for the
 * hundreds of {@code fleetdeck} processes the integration tests start: each maps the classes instead of loading them,
 * which takes about a third off a command's start (1.3 s to 0.9 s here). It is made once, by one command run to its
 * end before any test's process starts, so no two processes ever write it at the same time; every later process
 * only maps it.
 */
final class ClassDataArchive {

    private static final Path ARCHIVE =
            Path.of("target", "fleetdeck-classes.jsa").toAbsolutePath();
    private static boolean made;
    /** Empty when the archive could not be made: then no process writes one, as two writing it at once could clash. */
    private static String options = "";

    private ClassDataArchive() {}

    /** The JVM options that use the archive, made first if it is not there yet. */
    static synchronized String javaOptions(Path launcher) {
        if (!made) {
            made = true;
            // the JDK's own archive was made without JavaFX's modules: it says so on stderr at every start, which the
            // tests read as the command's errors
            String wanted =
                    "-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=" + ARCHIVE + " -Xlog:cds=off -Xlog:aot=off";
            make(launcher, wanted);
            if (Files.isRegularFile(ARCHIVE)) {
                options = wanted;
            }
        }
        return options;
    }

    /** Runs a command that reaches the store, the registry and the CLI's output, and so archives their classes. */
    private static void make(Path launcher, String options) {
        try {
            Path folder = Files.createTempDirectory("fleetdeck-cds");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    launcher.toString(),
                    "thing",
                    "create",
                    "archive-1",
                    "--data-dir",
                    folder.resolve("data").toString()));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("FLEETDECK_JAVA_OPTS", options);
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
