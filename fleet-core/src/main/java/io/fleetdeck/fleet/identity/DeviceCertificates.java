package io.fleetdeck.fleet.identity;

import io.fleetdeck.api.event.Change;
import io.fleetdeck.broker.tls.CaKeyType;
import io.fleetdeck.broker.tls.CertificateAuthority;
import io.fleetdeck.broker.tls.Pem;
import io.fleetdeck.fleet.identity.IdentityService.IssuedCertificate;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device certificates and their states (AWS-IOT-BEHAVIOUR §5.1): made by the data folder's CA, or registered from a
 * registered CA; moved between states; attached to the things they speak for. Every change moves the generation and
 * is published as a {@code CertificateChanged} after its write. Any thread may call it: the store serializes writes.
 */
final class DeviceCertificates {

    // logs under IdentityService's name, as before it was split, so log settings and searches still find these lines
    private static final Logger log = LoggerFactory.getLogger(IdentityService.class);

    private final IdentityStore store;
    private final CertificateAuthority authority;
    private final CertificateAuthorities cas;
    private final RevocationList revocationList;
    private final Clock clock;
    private final IdentityChanges changes;

    DeviceCertificates(
            IdentityStore store,
            CertificateAuthority authority,
            CertificateAuthorities cas,
            RevocationList revocationList,
            Clock clock,
            IdentityChanges changes) {
        this.store = store;
        this.authority = authority;
        this.cas = cas;
        this.revocationList = revocationList;
        this.clock = clock;
        this.changes = changes;
    }

    IssuedCertificate createKeysAndCertificate(String commonName, CaKeyType keyType, CertificateStatus status)
            throws GeneralSecurityException {
        CertificateAuthority.Issued issued = authority.createKeysAndCertificate(commonName, keyType);
        CertificateRecord record = registerOwn(issued.certificate(), status);
        return new IssuedCertificate(record, Pem.of(issued.privateKey()));
    }

    CertificateRecord createCertificateFromCsr(String csrPem, CertificateStatus status) throws IdentityException {
        try {
            return registerOwn(authority.issueFromCsr(Pem.csr(csrPem)), status);
        } catch (Pem.InvalidPemException | CertificateAuthority.InvalidCsrException e) {
            throw new IdentityException(IdentityException.INVALID_REQUEST, e.getMessage());
        }
    }

    /** RegisterCertificate: a device certificate signed by a registered CA, in the state asked for. */
    CertificateRecord register(String pem, CertificateStatus status) throws IdentityException {
        X509Certificate certificate = RequestPem.certificate(pem);
        CaRecord issuer = cas.issuerOf(certificate)
                .orElseThrow(() -> new IdentityException(
                        IdentityException.INVALID_REQUEST, "the certificate was not issued by a registered CA"));
        if (store.findCertificate(Pem.certificateId(certificate)).isPresent()) {
            throw new IdentityException(IdentityException.ALREADY_EXISTS, "the certificate is already registered");
        }
        return insert(certificate, issuer.id(), status);
    }

    private CertificateRecord registerOwn(X509Certificate certificate, CertificateStatus status) {
        return insert(certificate, Pem.certificateId(authority.certificate()), status);
    }

    /** Stores a certificate {@code caId} issued, as a new record in {@code status}. */
    CertificateRecord insert(X509Certificate certificate, String caId, CertificateStatus status) {
        CertificateRecord record = new CertificateRecord(
                Pem.certificateId(certificate),
                Pem.of(certificate),
                caId,
                certificate.getSubjectX500Principal().getName(),
                status,
                certificate.getNotAfter().toInstant(),
                clock.instant(),
                null);
        store.insertCertificate(record);
        changes.changed();
        changes.certificateChanged(record.id(), Change.CREATED, status);
        return record;
    }

    /** UpdateCertificate: moves a certificate between states; one that leaves ACTIVE loses its live connections. */
    void update(String certificateId, CertificateStatus next) throws IdentityException {
        CertificateRecord certificate = require(certificateId);
        certificate.status().checkUpdateTo(next);
        store.updateStatus(certificateId, next, clock.instant());
        changes.changed();
        changes.certificateChanged(certificateId, Change.UPDATED, next);
        if (next == CertificateStatus.REVOKED) {
            revocationList.export();
        }
        if (certificate.status() == CertificateStatus.PENDING_ACTIVATION) {
            log.debug("Certificate {}: {} -> {}", certificateId, certificate.status(), next); // provisioning says it
        } else {
            log.info("Certificate {}: {} -> {}", certificateId, certificate.status(), next);
        }
        if (certificate.status() == CertificateStatus.ACTIVE && next != CertificateStatus.ACTIVE) {
            changes.certificateDisabled(certificateId);
        }
    }

    Optional<CertificateRecord> certificate(String certificateId) {
        return store.findCertificate(certificateId);
    }

    List<CertificateRecord> certificates() {
        return store.certificates();
    }

    CertificateRecord require(String certificateId) throws IdentityException {
        return store.findCertificate(certificateId)
                .orElseThrow(() ->
                        new IdentityException(IdentityException.NOT_FOUND, "no certificate with id " + certificateId));
    }

    // --- the things certificates speak for

    Optional<ThingRecord> thing(String name) {
        return store.findThing(name);
    }

    /** AttachThingPrincipal: the certificate may now speak for the thing ({@code ${iot:Connection.Thing.*}}). */
    void attachThingPrincipal(String thingName, String certificateId) throws IdentityException {
        if (store.findThing(thingName).isEmpty()) {
            throw new IdentityException(IdentityException.NOT_FOUND, "no thing named " + thingName);
        }
        require(certificateId);
        store.attachThingPrincipal(thingName, certificateId);
        changes.changed();
    }

    Map<String, List<String>> thingNamesByCertificate() {
        return store.thingNamesByCertificate();
    }

    List<ThingRecord> thingsOf(String certificateId) {
        return store.thingsOf(certificateId);
    }

    List<String> principalsOf(String thingName) {
        return store.principalsOf(thingName);
    }
}
