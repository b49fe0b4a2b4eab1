package io.fleetdeck.views.broker;

import io.fleetdeck.api.broker.BrokerMonitoring;
import io.fleetdeck.api.broker.BrokerSnapshot;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the broker twice a second on a background thread and hands each snapshot to the JavaFX thread, so the
 * window never waits for the broker and gets at most one update per sample however busy the broker is.
 */
public final class BrokerFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BrokerFeed.class);
    static final long INTERVAL_MILLIS = 500;

    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("broker-view-sampler").factory());

    /** Starts sampling {@code monitor}; {@code apply} runs on {@code fxThread}. */
    public BrokerFeed(BrokerMonitoring monitor, Executor fxThread, Consumer<BrokerSnapshot> apply) {
        sampler.scheduleWithFixedDelay(
                () -> {
                    try {
                        BrokerSnapshot snapshot = monitor.snapshot();
                        fxThread.execute(() -> apply.accept(snapshot));
                    } catch (RuntimeException e) {
                        log.warn("Could not sample the broker for its view", e);
                    }
                },
                0,
                INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
