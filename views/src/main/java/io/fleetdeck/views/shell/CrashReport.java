package io.fleetdeck.views.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Objects;

/**
 * An error nobody caught, as the crash dialog shows it and "Copy details" copies it: enough for a support ticket
 * without the log file, which it names.
 *
 * @param version the console's version
 * @param logFile where the log with the lines before the error is kept
 */
public record CrashReport(Instant when, String threadName, Throwable error, String version, String logFile) {

    public CrashReport {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(threadName, "threadName");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(logFile, "logFile");
    }

    /** The error's own words, or its type when it has none (a NullPointerException often has none). */
    public String summary() {
        String message = error.getLocalizedMessage();
        String type = error.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }

    /**
     * Errors that leave the Java runtime in doubt (out of memory, a stack overflow, an internal error): the console
     * should be restarted rather than kept going.
     */
    public boolean fatal() {
        return error instanceof VirtualMachineError;
    }

    /** Version, runtime, system, thread, time and the whole stack trace, in plain text. */
    public String details() {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return "Fleetdeck " + version + System.lineSeparator()
                + "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor")
                + ")" + System.lineSeparator()
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + System.lineSeparator()
                + "Thread " + threadName + " at " + when + System.lineSeparator()
                + "Log " + logFile + System.lineSeparator()
                + System.lineSeparator()
                + trace;
    }
}
