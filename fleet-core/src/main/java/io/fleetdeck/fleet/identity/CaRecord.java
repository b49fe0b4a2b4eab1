package io.fleetdeck.fleet.identity;

import java.time.Instant;

/**
 * A CA whose device certificates the broker accepts once registered and ACTIVE; with auto-registration on, an unknown
 * certificate it signed is registered at its first connection (JITR, AWS-IOT-BEHAVIOUR §5.3).
 */
public record CaRecord(
        String id,
        String pem,
        String subject,
        boolean active,
        boolean autoRegistration,
        Instant notAfter,
        Instant createdAt) {}
