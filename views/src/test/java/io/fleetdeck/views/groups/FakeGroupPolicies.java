package io.fleetdeck.views.groups;

import io.fleetdeck.api.certificates.CertificateService;
import io.fleetdeck.api.certificates.CertificateStatusChange;
import io.fleetdeck.api.certificates.CertificatesSnapshot;
import io.fleetdeck.api.certificates.IssuedBundle;
import io.fleetdeck.api.certificates.SimulationResult;
import io.fleetdeck.api.error.FleetApiException;
import java.time.Instant;
import java.util.List;

/** The certificates' service as far as the Groups view uses it: the policies there are, attached to groups. */
final class FakeGroupPolicies implements CertificateService {

    static final List<String> POLICIES = List.of(
            "cold-store-alarms",
            "deny-all-but-shadow",
            "east-quay-telemetry",
            "firmware-updates",
            "hvac-floor-controls",
            "north-harbour-telemetry",
            "west-yard-telemetry");

    private final FakeGroups groups;

    FakeGroupPolicies(FakeGroups groups) {
        this.groups = groups;
    }

    @Override
    public CertificatesSnapshot snapshot() {
        return new CertificatesSnapshot(
                Instant.parse("2026-11-26T14:30:00Z"),
                List.of(),
                List.of(),
                POLICIES.stream()
                        .map(name -> new CertificatesSnapshot.PolicyRow(name, 1, "{}", List.of(), List.of()))
                        .toList());
    }

    @Override
    public void attachPolicyToGroup(String policyName, String groupName) throws FleetApiException {
        groups.attachPolicy(policyName, groupName);
    }

    @Override
    public void detachPolicyFromGroup(String policyName, String groupName) throws FleetApiException {
        groups.detachPolicy(policyName, groupName);
    }

    @Override
    public void updateCertificate(String certificateId, CertificateStatusChange newStatus) {
        throw new UnsupportedOperationException("not the Groups view's");
    }

    @Override
    public void attachPolicy(String policyName, String certificateId) {
        throw new UnsupportedOperationException("not the Groups view's");
    }

    @Override
    public void detachPolicy(String policyName, String certificateId) {
        throw new UnsupportedOperationException("not the Groups view's");
    }

    @Override
    public void createPolicy(String policyName, String document) {
        throw new UnsupportedOperationException("not the Groups view's");
    }

    @Override
    public IssuedBundle issueCertificate(String thingName) {
        throw new UnsupportedOperationException("not the Groups view's");
    }

    @Override
    public SimulationResult simulate(String clientId, String certificateId, String action, String resource) {
        throw new UnsupportedOperationException("not the Groups view's");
    }
}
