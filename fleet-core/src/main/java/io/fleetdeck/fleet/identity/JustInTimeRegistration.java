package io.fleetdeck.fleet.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdeck.broker.auth.Admission;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JITR (AWS-IOT-BEHAVIOUR §5.3): an unknown certificate from a CA with auto-registration is registered at its first
 * connection as PENDING_ACTIVATION, and {@code $aws/events/certificates/registered/<caId>} announces it. Called on the
 * broker's threads at CONNECT; any thread may set where the events go.
 */
final class JustInTimeRegistration {

    // logs under IdentityService's name, as before it was split, so log settings and searches still find these lines
    private static final Logger log = LoggerFactory.getLogger(IdentityService.class);
    private static final String LOCAL_ACCOUNT = "000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CertificateAuthorities cas;
    private final DeviceCertificates certificates;
    private final Clock clock;
    private volatile @Nullable BiConsumer<String, byte[]> events;

    JustInTimeRegistration(CertificateAuthorities cas, DeviceCertificates certificates, Clock clock) {
        this.cas = cas;
        this.certificates = certificates;
        this.clock = clock;
    }

    /** Where the broker publishes the JITR events. */
    void publishEventsTo(BiConsumer<String, byte[]> publisher) {
        this.events = publisher;
    }

    /** An unknown certificate at CONNECT: registered and refused while it waits for activation, or just refused. */
    Admission register(X509Certificate certificate, String id) {
        Optional<CaRecord> issuer = cas.issuerOf(certificate).filter(ca -> ca.active() && ca.autoRegistration());
        if (issuer.isEmpty()) {
            return new Admission.Refused("certificate " + id + " is not registered");
        }
        CertificateRecord registered =
                certificates.insert(certificate, issuer.get().id(), CertificateStatus.PENDING_ACTIVATION);
        log.info(
                "Registered certificate {} from CA {} just in time, PENDING_ACTIVATION",
                id,
                issuer.get().id());
        announce(id, issuer.get().id(), registered.createdAt());
        return new Admission.Refused("certificate " + id + " was registered just in time and waits for activation");
    }

    /** A known certificate at CONNECT: announced again while it waits for activation, when its CA has JITR on. */
    void announceAgainIfWaiting(CertificateRecord record) {
        if (record.status() == CertificateStatus.PENDING_ACTIVATION && record.caId() != null) {
            // JITR announces every attempt of a certificate still waiting, so a handler that missed one can act
            cas.find(record.caId())
                    .filter(CaRecord::autoRegistration)
                    .ifPresent(ca -> announce(record.id(), ca.id(), record.createdAt()));
        }
    }

    private void announce(String certificateId, String caId, Instant registeredAt) {
        BiConsumer<String, byte[]> publisher = events;
        if (publisher == null) {
            return;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("certificateId", certificateId);
        event.put("caCertificateId", caId);
        event.put("timestamp", clock.millis());
        event.put("certificateStatus", CertificateStatus.PENDING_ACTIVATION.name());
        event.put("awsAccountId", LOCAL_ACCOUNT);
        event.put("certificateRegistrationTimestamp", registeredAt.toString());
        try {
            publisher.accept("$aws/events/certificates/registered/" + caId, JSON.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            log.warn("Could not write the JITR event for {}: {}", certificateId, e.toString());
        }
    }
}
