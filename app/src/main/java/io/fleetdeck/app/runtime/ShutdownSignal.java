package io.fleetdeck.app.runtime;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides the process should stop: SIGTERM, SIGINT (Ctrl+C) or the console window being closed.
 * The main thread waits on it, then shuts down in order and exits 0. A signal repeated while stopping (after a short
 * grace) forces the exit, for an operator whose shutdown hangs. Any thread may request; one thread awaits.
 */
public final class ShutdownSignal {

    private static final Logger log = LoggerFactory.getLogger(ShutdownSignal.class);
    private static final int FORCED_EXIT_CODE = 130;

    /*
     * The same request can arrive twice at once: timeout(1), for one, signals both its child and the child's process
     * group. Only a signal this long after the first counts as the operator insisting.
     */
    private static final long REPEAT_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final CountDownLatch requested = new CountDownLatch(1);
    private volatile long firstSignalNanos;
    private final AtomicReference<@Nullable String> reason = new AtomicReference<>();

    /** A signal that also fires on SIGTERM and SIGINT. */
    public static ShutdownSignal onTerminationSignals() {
        ShutdownSignal shutdown = new ShutdownSignal();
        shutdown.handle("TERM");
        shutdown.handle("INT");
        return shutdown;
    }

    public void request(String why) {
        if (reason.compareAndSet(null, why)) {
            requested.countDown();
        }
    }

    /** Blocks until a shutdown is requested and returns why. */
    public String await() throws InterruptedException {
        requested.await();
        // set before the latch opens
        return Objects.requireNonNull(reason.get());
    }

    public boolean isRequested() {
        return requested.getCount() == 0;
    }

    private void handle(String signalName) {
        SignalTrap.trap(signalName, name -> {
            long now = System.nanoTime();
            if (isRequested()) {
                if (firstSignalNanos != 0 && now - firstSignalNanos > REPEAT_GRACE_NANOS) {
                    log.warn("SIG{} again while stopping: exiting now", name);
                    Runtime.getRuntime().halt(FORCED_EXIT_CODE);
                }
                return;
            }
            firstSignalNanos = now;
            request("SIG" + name);
        });
    }
}
