package io.fleetdeck.fleet.identity;

import io.fleetdeck.broker.tls.Pem;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered CAs (RegisterCACertificate, BYOC): the data folder's own, and those whose device certificates the
 * broker then accepts. Keeps the ACTIVE ones as the trust anchors read at every TLS handshake. Any thread may call it:
 * the store serializes writes, and the anchors are swapped whole.
 */
final class CertificateAuthorities {

    // logs under IdentityService's name, as before it was split, so log settings and searches still find these lines
    private static final Logger log = LoggerFactory.getLogger(IdentityService.class);
    /** AWS allows at most ten CA certificates with the same subject (AWS-IOT-BEHAVIOUR §5.2). */
    private static final int MAX_CAS_PER_SUBJECT = 10;

    private final IdentityStore store;
    private final Clock clock;
    private final IdentityChanges changes;
    private volatile List<X509Certificate> trusted = List.of();

    CertificateAuthorities(IdentityStore store, Clock clock, IdentityChanges changes) {
        this.store = store;
        this.clock = clock;
        this.changes = changes;
    }

    /** Registers the data folder's own CA on first use, then reads the trust anchors. */
    void registerOwn(X509Certificate ownCa) {
        String ownCaId = Pem.certificateId(ownCa);
        if (store.findCa(ownCaId).isEmpty()) {
            store.insertCa(new CaRecord(
                    ownCaId,
                    Pem.of(ownCa),
                    ownCa.getSubjectX500Principal().getName(),
                    true,
                    false,
                    ownCa.getNotAfter().toInstant(),
                    clock.instant()));
            log.debug("Registered the data folder's CA {} for device certificates", ownCaId);
        }
        reloadTrusted();
    }

    CaRecord register(String pem, boolean active, boolean autoRegistration) throws IdentityException {
        X509Certificate ca = RequestPem.certificate(pem);
        if (ca.getBasicConstraints() < 0) {
            throw new IdentityException(IdentityException.INVALID_REQUEST, "the certificate is not a CA certificate");
        }
        String id = Pem.certificateId(ca);
        if (store.findCa(id).isPresent()) {
            throw new IdentityException(IdentityException.ALREADY_EXISTS, "CA " + id + " is already registered");
        }
        String subject = ca.getSubjectX500Principal().getName();
        if (store.cas().stream()
                        .filter(other -> other.subject().equals(subject))
                        .count()
                >= MAX_CAS_PER_SUBJECT) {
            throw new IdentityException(
                    IdentityException.INVALID_REQUEST,
                    MAX_CAS_PER_SUBJECT + " CA certificates with the subject " + subject + " exist");
        }
        CaRecord record = new CaRecord(
                id,
                Pem.of(ca),
                subject,
                active,
                autoRegistration,
                ca.getNotAfter().toInstant(),
                clock.instant());
        store.insertCa(record);
        reloadTrusted();
        return record;
    }

    List<CaRecord> all() {
        return store.cas();
    }

    Optional<CaRecord> find(String caId) {
        return store.findCa(caId);
    }

    /** The ACTIVE CAs' certificates: what a device certificate may chain to. */
    List<X509Certificate> trusted() {
        return trusted;
    }

    /** The registered CA whose key signed {@code certificate}. */
    Optional<CaRecord> issuerOf(X509Certificate certificate) {
        for (CaRecord ca : store.cas()) {
            try {
                X509Certificate caCertificate = Pem.certificate(ca.pem());
                if (caCertificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                    certificate.verify(caCertificate.getPublicKey());
                    return Optional.of(ca);
                }
            } catch (Pem.InvalidPemException | GeneralSecurityException notThisOne) {
                // signed by another CA with the same subject, or not at all: try the next
            }
        }
        return Optional.empty();
    }

    private void reloadTrusted() {
        List<X509Certificate> active = new ArrayList<>();
        for (CaRecord ca : store.cas()) {
            if (ca.active()) {
                try {
                    active.add(Pem.certificate(ca.pem()));
                } catch (Pem.InvalidPemException e) {
                    log.error("Registered CA {} cannot be read: {}", ca.id(), e.getMessage());
                }
            }
        }
        trusted = List.copyOf(active);
        changes.changed();
    }
}
