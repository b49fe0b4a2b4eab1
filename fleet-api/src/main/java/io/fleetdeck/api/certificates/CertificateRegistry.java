package io.fleetdeck.api.certificates;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.page.Page;
import io.fleetdeck.api.page.PageRequest;

/**
 * The identity registry's lists as AWS IoT's ListCertificates, ListPolicies and GetPolicy give them, a page at a time:
 * what a script or the CLI reads, where {@link CertificateService#snapshot()} is the console's whole picture. A
 * missing policy is a {@code ResourceNotFoundException}.
 */
public interface CertificateRegistry {

    /** Every device and claim certificate, by id. */
    Page<CertificateSummary> listCertificates(PageRequest page) throws FleetApiException;

    /** Every policy, by name. */
    Page<PolicySummary> listPolicies(PageRequest page) throws FleetApiException;

    /** GetPolicy: the policy's default version, the document in force. */
    PolicyDescription getPolicy(String policyName) throws FleetApiException;
}
