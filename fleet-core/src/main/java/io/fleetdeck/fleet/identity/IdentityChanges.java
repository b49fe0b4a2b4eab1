package io.fleetdeck.fleet.identity;

import io.fleetdeck.api.event.Change;
import io.fleetdeck.api.event.FleetEvent.CertificateChanged;
import io.fleetdeck.fleet.events.FleetEventSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What an identity change tells others: the generation the broker's connections compare their cached decisions with,
 * the {@code CertificateChanged} events, and the listeners that end the live sessions of a certificate leaving ACTIVE.
 * Shared by the parts of {@link IdentityService}; any thread may call it.
 */
final class IdentityChanges {

    private final AtomicLong generation = new AtomicLong();
    private final List<Consumer<String>> disabledListeners = new CopyOnWriteArrayList<>();
    private volatile FleetEventSink events = FleetEventSink.NONE;

    /** A certificate, policy, attachment or group changed: connections must make their decisions again. */
    void changed() {
        generation.incrementAndGet();
    }

    long generation() {
        return generation.get();
    }

    void publishTo(FleetEventSink sink) {
        this.events = sink;
    }

    void certificateChanged(String certificateId, Change change, CertificateStatus status) {
        events.publish(new CertificateChanged(certificateId, change, status.name()));
    }

    void onCertificateDisabled(Consumer<String> listener) {
        disabledListeners.add(listener);
    }

    void certificateDisabled(String certificateId) {
        disabledListeners.forEach(listener -> listener.accept(certificateId));
    }
}
