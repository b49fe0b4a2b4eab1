package io.fleetdeck.app.service;

import io.fleetdeck.api.certificates.CertificateRegistry;
import io.fleetdeck.api.certificates.CertificateSummary;
import io.fleetdeck.api.certificates.PolicyDescription;
import io.fleetdeck.api.certificates.PolicySummary;
import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.page.Page;
import io.fleetdeck.api.page.PageRequest;
import io.fleetdeck.fleet.identity.CertificateRecord;
import io.fleetdeck.fleet.identity.DeviceEnrollment;
import io.fleetdeck.fleet.identity.IdentityService;
import io.fleetdeck.fleet.identity.PolicyRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@link CertificateRegistry} over this process's identity service. Any thread. */
public final class LocalCertificateRegistry implements CertificateRegistry {

    private final IdentityService identities;

    public LocalCertificateRegistry(IdentityService identities) {
        this.identities = identities;
    }

    @Override
    public Page<CertificateSummary> listCertificates(PageRequest page) throws FleetApiException {
        Map<String, CertificateRecord> byId = identities.certificates().stream()
                .collect(Collectors.toMap(CertificateRecord::id, Function.identity()));
        Map<String, List<String>> thingNames = identities.thingNamesByCertificate();
        Set<String> claimPolicyTargets = new HashSet<>(identities.policyTargets(DeviceEnrollment.CLAIM_POLICY));
        return NamePages.of(
                byId.keySet(),
                page,
                id -> Optional.ofNullable(byId.get(id))
                        .map(certificate -> new CertificateSummary(
                                certificate.id(),
                                certificate.status().name(),
                                certificate.createdAt(),
                                certificate.notAfter(),
                                thingNames.getOrDefault(certificate.id(), List.of()),
                                !thingNames.containsKey(certificate.id())
                                        && claimPolicyTargets.contains(certificate.id()))));
    }

    @Override
    public Page<PolicySummary> listPolicies(PageRequest page) throws FleetApiException {
        Map<String, PolicyRecord> byName =
                identities.policies().stream().collect(Collectors.toMap(PolicyRecord::name, Function.identity()));
        return NamePages.of(
                byName.keySet(),
                page,
                name -> Optional.ofNullable(byName.get(name))
                        .map(policy -> new PolicySummary(policy.name(), policy.defaultVersion())));
    }

    @Override
    public PolicyDescription getPolicy(String policyName) throws FleetApiException {
        PolicyRecord policy = identities
                .policy(policyName)
                .orElseThrow(() -> new ResourceNotFoundException("no policy named " + policyName));
        return new PolicyDescription(policy.name(), policy.document(), policy.defaultVersion(), policy.createdAt());
    }
}
