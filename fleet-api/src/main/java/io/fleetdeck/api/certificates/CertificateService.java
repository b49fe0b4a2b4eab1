package io.fleetdeck.api.certificates;

import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.api.error.FleetApiException;
import java.util.List;

/**
 * Device certificates and policies (AWS-IOT-BEHAVIOUR §5, §6). Refusals carry the identity registry's words and
 * AWS's codes: {@code ResourceNotFoundException}, {@code CertificateStateException} (a revoked certificate cannot come
 * back), {@code MalformedPolicyException}, {@code VersionsLimitExceededException}, {@code DeleteConflictException}.
 */
public interface CertificateService {

    /** The actions the policy simulator knows, in the words it takes them. */
    List<String> SIMULATED_ACTIONS = List.of("Connect", "Publish", "Subscribe", "Receive");

    /** Every CA, certificate and policy as they are now. */
    CertificatesSnapshot snapshot() throws FleetApiException;

    /**
     * DescribeCertificate, by its whole id or the start of it ({@link CertificateIdPrefix}: at least 8 hex digits,
     * any case): {@code InvalidRequestException} for fewer or other characters, or for a start several ids share (it
     * names them); {@code ResourceNotFoundException} when no id begins so.
     */
    default CertificateRow describeCertificate(String idOrPrefix) throws FleetApiException {
        return CertificateIdPrefix.of(idOrPrefix).findIn(snapshot().certificates());
    }

    /** UpdateCertificate: ACTIVE, INACTIVE or REVOKED (for good). */
    void updateCertificate(String certificateId, CertificateStatusChange newStatus) throws FleetApiException;

    void attachPolicy(String policyName, String certificateId) throws FleetApiException;

    void detachPolicy(String policyName, String certificateId) throws FleetApiException;

    /** AttachPolicy with a static thing group as target: the policy applies to every thing in it and below it. */
    void attachPolicyToGroup(String policyName, String groupName) throws FleetApiException;

    void detachPolicyFromGroup(String policyName, String groupName) throws FleetApiException;

    /** CreatePolicy: version 1 of a policy document; a document that does not parse is refused whole. */
    void createPolicy(String policyName, String document) throws FleetApiException;

    /**
     * A new key and certificate for a thing, signed by the data folder's CA and attached to it: the bundle holds the
     * private key, which exists nowhere else, so the caller writes it where the device will read it.
     */
    IssuedBundle issueCertificate(String thingName) throws FleetApiException;

    /**
     * What the broker would decide if the certificate's holder, connected as {@code clientId}, tried {@code action}
     * (one of {@link #SIMULATED_ACTIONS}) on {@code resource} (a topic, topic filter or client id).
     */
    SimulationResult simulate(String clientId, String certificateId, String action, String resource)
            throws FleetApiException;
}
