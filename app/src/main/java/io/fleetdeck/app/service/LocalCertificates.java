package io.fleetdeck.app.service;

import io.fleetdeck.api.certificates.CertificateService;
import io.fleetdeck.api.certificates.CertificateStatusChange;
import io.fleetdeck.api.certificates.CertificatesSnapshot;
import io.fleetdeck.api.certificates.CertificatesSnapshot.CaRow;
import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.api.certificates.CertificatesSnapshot.PolicyRow;
import io.fleetdeck.api.certificates.IssuedBundle;
import io.fleetdeck.api.certificates.SimulationResult;
import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.InternalFailureException;
import io.fleetdeck.api.error.InvalidRequestException;
import io.fleetdeck.broker.input.BoundedFiles;
import io.fleetdeck.broker.policy.IotAction;
import io.fleetdeck.broker.policy.PolicyDocumentException;
import io.fleetdeck.broker.policy.PolicyParser;
import io.fleetdeck.broker.policy.PolicyWarning;
import io.fleetdeck.broker.tls.PemFiles;
import io.fleetdeck.fleet.identity.CaRecord;
import io.fleetdeck.fleet.identity.CertificateRecord;
import io.fleetdeck.fleet.identity.CertificateStatus;
import io.fleetdeck.fleet.identity.DeviceEnrollment;
import io.fleetdeck.fleet.identity.IdentityException;
import io.fleetdeck.fleet.identity.IdentityService;
import io.fleetdeck.fleet.identity.IdentityService.IssuedCertificate;
import io.fleetdeck.fleet.identity.PolicyRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * {@link CertificateService} over this process's identity service: snapshots of CAs, certificates and policies, the state and
 * policy actions, issuing a certificate for a thing with the data folder's root CA, and the policy simulator, which
 * asks the registry to simulate a certificate's policies with the broker's own evaluator. Any thread.
 */
public final class LocalCertificates implements CertificateService {

    private static final Comparator<CertificateRow> LIST_ORDER = Comparator.comparing(
                    (CertificateRow row) -> !row.provisioningClaim())
            .thenComparing(row -> row.things().isEmpty() ? "" : row.things().getFirst())
            .thenComparing(CertificateRow::id);

    private static final Map<String, IotAction> ACTIONS = Map.of(
            "Connect", IotAction.CONNECT,
            "Publish", IotAction.PUBLISH,
            "Subscribe", IotAction.SUBSCRIBE,
            "Receive", IotAction.RECEIVE);

    private final IdentityService identities;
    private final DeviceEnrollment enrollment;
    private final Path rootCa;
    private final Clock clock;
    /** Subjects never change for a certificate id, so each is parsed once. */
    private final Map<String, String> commonNames = new ConcurrentHashMap<>();
    /** A policy version's document never changes, so its warnings are worked out once, by name and version. */
    private final Map<String, List<String>> policyWarnings = new ConcurrentHashMap<>();

    /** @param rootCa the data folder's root CA, which devices trust the broker by */
    public LocalCertificates(IdentityService identities, DeviceEnrollment enrollment, Path rootCa, Clock clock) {
        this.identities = identities;
        this.enrollment = enrollment;
        this.rootCa = rootCa;
        this.clock = clock;
    }

    @Override
    public CertificatesSnapshot snapshot() {
        Instant takenAt = clock.instant();
        List<PolicyRecord> policies = identities.policies();
        Map<String, List<String>> policiesByTarget = new HashMap<>();
        Map<String, List<String>> targetsByPolicy = new LinkedHashMap<>();
        for (PolicyRecord policy : policies) {
            List<String> targets = identities.policyTargets(policy.name());
            targetsByPolicy.put(policy.name(), targets);
            for (String target : targets) {
                policiesByTarget
                        .computeIfAbsent(target, key -> new ArrayList<>())
                        .add(policy.name());
            }
        }

        List<CertificateRecord> certificates = identities.certificates();
        Map<String, List<String>> thingNames = identities.thingNamesByCertificate();
        Map<String, List<String>> thingsByCertificate = new HashMap<>();
        List<CertificateRow> rows = new ArrayList<>(certificates.size());
        for (CertificateRecord certificate : certificates) {
            List<String> things = thingNames.getOrDefault(certificate.id(), List.of());
            thingsByCertificate.put(certificate.id(), things);
            List<String> attached = policiesByTarget.getOrDefault(certificate.id(), List.of());
            rows.add(new CertificateRow(
                    certificate.id(),
                    commonNames.computeIfAbsent(certificate.id(), id -> commonName(certificate.subject())),
                    certificate.status().name(),
                    things,
                    certificate.notAfter(),
                    certificate.lastSeen(),
                    attached,
                    things.isEmpty() && attached.contains(DeviceEnrollment.CLAIM_POLICY)));
        }

        rows.sort(LIST_ORDER);
        Map<String, Integer> places = new HashMap<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) {
            places.put(rows.get(i).id(), i);
        }

        List<PolicyRow> policyRows = new ArrayList<>(policies.size());
        for (PolicyRecord policy : policies) {
            List<String> targets = new ArrayList<>(targetsByPolicy.get(policy.name()));
            targets.sort(Comparator.comparing(target -> places.getOrDefault(target, Integer.MAX_VALUE)));
            Set<String> things = new LinkedHashSet<>();
            for (String target : targets) {
                things.addAll(thingsByCertificate.getOrDefault(target, List.of()));
            }
            policyRows.add(new PolicyRow(
                    policy.name(),
                    policy.defaultVersion(),
                    policy.document(),
                    targets,
                    List.copyOf(things),
                    policyWarnings.computeIfAbsent(
                            policy.name() + ":" + policy.defaultVersion(), key -> warnings(policy.document()))));
        }

        List<CaRow> cas = identities.certificateAuthorities().stream()
                .map(LocalCertificates::row)
                .toList();
        return new CertificatesSnapshot(takenAt, cas, rows, policyRows);
    }

    @Override
    public void updateCertificate(String certificateId, CertificateStatusChange newStatus) throws FleetApiException {
        identityCall(() -> identities.updateCertificate(certificateId, CertificateStatus.valueOf(newStatus.name())));
    }

    @Override
    public void attachPolicy(String policyName, String certificateId) throws FleetApiException {
        identityCall(() -> identities.attachPolicy(policyName, certificateId));
    }

    @Override
    public void detachPolicy(String policyName, String certificateId) throws FleetApiException {
        identityCall(() -> identities.detachPolicy(policyName, certificateId));
    }

    @Override
    public void attachPolicyToGroup(String policyName, String groupName) throws FleetApiException {
        identityCall(() -> identities.attachPolicyToGroup(policyName, groupName));
    }

    @Override
    public void detachPolicyFromGroup(String policyName, String groupName) throws FleetApiException {
        identityCall(() -> identities.detachPolicyFromGroup(policyName, groupName));
    }

    @Override
    public void createPolicy(String policyName, String document) throws FleetApiException {
        identityCall(() -> identities.createPolicy(policyName, document));
    }

    @Override
    public IssuedBundle issueCertificate(String thingName) throws FleetApiException {
        String rootCaPem;
        try {
            rootCaPem = BoundedFiles.readString(rootCa, PemFiles.MAX_BYTES);
        } catch (IOException e) {
            throw new InternalFailureException("the root CA " + rootCa + " cannot be read: " + e.getMessage());
        }
        try {
            IssuedCertificate issued = enrollment.enrollDevice(thingName, Map.of());
            return new IssuedBundle(
                    thingName,
                    issued.certificate().id(),
                    issued.certificate().pem(),
                    issued.privateKeyPem(),
                    rootCaPem);
        } catch (IdentityException e) {
            throw ApiErrors.of(e);
        } catch (GeneralSecurityException e) {
            throw new InternalFailureException("the certificate could not be made: " + e.getMessage());
        }
    }

    @Override
    public SimulationResult simulate(String clientId, String certificateId, String action, String resource)
            throws FleetApiException {
        IotAction iotAction = ACTIONS.get(action);
        if (iotAction == null) {
            throw new InvalidRequestException(
                    "the simulator knows " + String.join(", ", ACTIONS.keySet()) + ", not " + action);
        }
        IdentityService.Simulation simulation;
        try {
            simulation = identities.simulate(certificateId, clientId, iotAction, resource);
        } catch (IdentityException e) {
            throw ApiErrors.of(e);
        }
        if (!simulation.certificateStatus().canConnect()) {
            return new SimulationResult(
                    false,
                    "DENY: the certificate is " + simulation.certificateStatus()
                            + ", so the broker refuses it before any policy is read (its policies alone: "
                            + simulation.policyDecision().explanation() + ")");
        }
        return new SimulationResult(
                simulation.allowed(), simulation.policyDecision().explanation());
    }

    private interface IdentityCall {
        void run() throws IdentityException;
    }

    private static void identityCall(IdentityCall call) throws FleetApiException {
        try {
            call.run();
        } catch (IdentityException e) {
            throw ApiErrors.of(e);
        }
    }

    private static CaRow row(CaRecord ca) {
        return new CaRow(ca.id(), ca.subject(), ca.active(), ca.autoRegistration(), ca.notAfter());
    }

    /** What the pane shows above a document: each action or variable AWS IoT does not know, where it is. */
    private static List<String> warnings(String document) {
        try {
            return PolicyParser.check(document).warnings().stream()
                    .map(PolicyWarning::toString)
                    .toList();
        } catch (PolicyDocumentException stored) {
            // a stored document was checked when it was created; one that no longer parses is the registry's to report
            return List.of();
        }
    }

    /** The subject's common name, or the whole subject when it has none or cannot be read. */
    static String commonName(String subject) {
        try {
            RDN[] names = new X500Name(subject).getRDNs(BCStyle.CN);
            return names.length == 0
                    ? subject
                    : IETFUtils.valueToString(names[0].getFirst().getValue());
        } catch (IllegalArgumentException unreadable) {
            return subject;
        }
    }
}
