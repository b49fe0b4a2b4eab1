package io.fleetdeck.views.certificates;

import io.fleetdeck.api.certificates.CertificateService;
import io.fleetdeck.api.certificates.CertificatesSnapshot;
import io.fleetdeck.api.error.FleetApiException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the identity registry every two seconds on a background thread and hands each snapshot to the JavaFX thread,
 * so the window never waits for the store. Actions refresh on their own as soon as they finish.
 */
public final class CertificatesFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CertificatesFeed.class);
    static final long INTERVAL_MILLIS = 2_000;

    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("certificates-view-sampler").factory());

    /** Starts sampling {@code directory}; {@code apply} runs on {@code fxThread}. */
    public CertificatesFeed(CertificateService directory, Executor fxThread, Consumer<CertificatesSnapshot> apply) {
        sampler.scheduleWithFixedDelay(
                () -> {
                    try {
                        CertificatesSnapshot snapshot = directory.snapshot();
                        fxThread.execute(() -> apply.accept(snapshot));
                    } catch (FleetApiException | RuntimeException e) {
                        log.warn("Could not read the identity registry for the Certificates view", e);
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
