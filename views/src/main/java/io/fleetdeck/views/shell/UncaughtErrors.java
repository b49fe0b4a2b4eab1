package io.fleetdeck.views.shell;

import java.time.Clock;
import javafx.application.Platform;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's last line of defence: an error that no code caught, on any thread including the JavaFX one, is
 * logged and shown in a {@link CrashDialog}, and the console keeps running. One dialog at a time: an error thrown on
 * every frame would otherwise bury the window under dialogs.
 */
public final class UncaughtErrors implements Thread.UncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(UncaughtErrors.class);

    private final Clock clock;
    private final String version;
    private final String logFile;
    private final @Nullable Window owner;
    private final Runnable quit;
    private @Nullable CrashDialog open;

    UncaughtErrors(Clock clock, String version, String logFile, @Nullable Window owner, Runnable quit) {
        this.clock = clock;
        this.version = version;
        this.logFile = logFile;
        this.owner = owner;
        this.quit = quit;
    }

    /**
     * Makes this the handler of every thread that has none of its own (JavaFX's thread has none). {@code quit} runs
     * when the user chooses to quit from the dialog.
     */
    public static UncaughtErrors install(String version, String logFile, @Nullable Window owner, Runnable quit) {
        UncaughtErrors handler = new UncaughtErrors(Clock.systemUTC(), version, logFile, owner, quit);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        return handler;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        log.error("Uncaught error on thread {}", thread.getName(), error);
        CrashReport report = new CrashReport(clock.instant(), thread.getName(), error, version, logFile);
        if (Platform.isFxApplicationThread()) {
            show(report);
            return;
        }
        try {
            Platform.runLater(() -> show(report));
        } catch (IllegalStateException toolkitGone) {
            // the window has already closed: the log line above is all there is to give
        }
    }

    private void show(CrashReport report) {
        CrashDialog dialog = open;
        if (dialog != null && dialog.isShowing()) {
            dialog.repeated();
            return;
        }
        CrashDialog shown = new CrashDialog(owner, report, quit);
        open = shown;
        shown.show();
    }

    /** The dialog on screen, if any; for tests. */
    @Nullable CrashDialog openDialog() {
        return open != null && open.isShowing() ? open : null;
    }
}
