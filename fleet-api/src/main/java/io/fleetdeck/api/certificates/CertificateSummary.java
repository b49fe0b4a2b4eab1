package io.fleetdeck.api.certificates;

import java.time.Instant;
import java.util.List;

/**
 * One certificate as ListCertificates gives it, with the things it speaks for.
 *
 * @param certificateId the SHA-256 of its DER, 64 hex digits
 * @param status ACTIVE, INACTIVE, REVOKED, PENDING_ACTIVATION, ...
 * @param thingNames the things it is attached to; none for a claim certificate
 * @param provisioningClaim a claim certificate devices share to provision themselves, not a device's own
 */
public record CertificateSummary(
        String certificateId,
        String status,
        Instant creationDate,
        Instant notAfter,
        List<String> thingNames,
        boolean provisioningClaim) {

    public CertificateSummary {
        thingNames = List.copyOf(thingNames);
    }
}
