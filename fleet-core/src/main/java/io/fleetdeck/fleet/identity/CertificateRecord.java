package io.fleetdeck.fleet.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A device certificate as the registry keeps it: never its private key.
 *
 * @param caId the id of the registered CA that issued it, or null when unknown
 * @param lastSeen when a connection last presented it, or null
 */
public record CertificateRecord(
        String id,
        String pem,
        String caId,
        String subject,
        CertificateStatus status,
        Instant notAfter,
        Instant createdAt,
        @Nullable Instant lastSeen) {}
