package io.fleetdeck.views.common;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javafx.application.Platform;

/**
 * Where a view model's work runs: {@code background} for what may block (the services), {@code fxThread} for what
 * changes what the window shows. Injected into every view model, as JabRef injects its {@code TaskExecutor}, so a
 * view model's test runs both on its own thread ({@link #callingThread()}) and reads the outcome right after the
 * call, where waiting would say less.
 */
public record ViewTasks(Executor background, Executor fxThread) {

    public ViewTasks {
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(fxThread, "fxThread");
    }

    /** The console's: each task on a virtual thread of its own, each outcome on the JavaFX application thread. */
    public static ViewTasks javaFx() {
        return new ViewTasks(Executors.newVirtualThreadPerTaskExecutor(), Platform::runLater);
    }

    /** Both on the caller's thread, in order: for a view model's tests. */
    public static ViewTasks callingThread() {
        return new ViewTasks(Runnable::run, Runnable::run);
    }
}
