package io.fleetdeck.api.certificates;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The identity registry at one moment: its CAs, device certificates and policies. Immutable. */
public record CertificatesSnapshot(
        Instant takenAt, List<CaRow> cas, List<CertificateRow> certificates, List<PolicyRow> policies) {

    public CertificatesSnapshot {
        cas = List.copyOf(cas);
        certificates = List.copyOf(certificates);
        policies = List.copyOf(policies);
    }

    public static CertificatesSnapshot empty(Instant takenAt) {
        return new CertificatesSnapshot(takenAt, List.of(), List.of(), List.of());
    }

    /** A registered CA. */
    public record CaRow(String id, String subject, boolean active, boolean autoRegistration, Instant notAfter) {}

    /**
     * One certificate as the table shows it; flat and immutable so 10,000 rows stay cheap.
     *
     * @param commonName the subject's common name, or the whole subject when it has none
     * @param status the registry's state: ACTIVE, INACTIVE, REVOKED, PENDING_ACTIVATION, ...
     * @param things the things the certificate speaks for
     * @param lastSeen when a connection last presented it, or null
     * @param provisioningClaim a claim certificate devices share to provision themselves, not a device's own
     */
    public record CertificateRow(
            String id,
            String commonName,
            String status,
            List<String> things,
            Instant notAfter,
            @Nullable Instant lastSeen,
            List<String> policies,
            boolean provisioningClaim) {

        /** How many characters of the id the table shows. */
        public static final int SHORT_ID_LENGTH = 12;

        public CertificateRow {
            things = List.copyOf(things);
            policies = List.copyOf(policies);
        }

        public String shortId() {
            return id.length() <= SHORT_ID_LENGTH ? id : id.substring(0, SHORT_ID_LENGTH);
        }
    }

    /**
     * A policy's document in force and what it reaches.
     *
     * @param certificateIds the certificates it is attached to
     * @param thingNames the things those certificates speak for
     * @param warnings what in the document almost certainly does not do what was meant (an action or variable AWS IoT
     *     does not know), each as {@code line L, column C: what}; such parts allow or deny nothing
     */
    public record PolicyRow(
            String name,
            int defaultVersion,
            String document,
            List<String> certificateIds,
            List<String> thingNames,
            List<String> warnings) {

        public PolicyRow {
            certificateIds = List.copyOf(certificateIds);
            thingNames = List.copyOf(thingNames);
            warnings = List.copyOf(warnings);
        }

        /** A policy with nothing to warn about. */
        public PolicyRow(
                String name,
                int defaultVersion,
                String document,
                List<String> certificateIds,
                List<String> thingNames) {
            this(name, defaultVersion, document, certificateIds, thingNames, List.of());
        }
    }
}
