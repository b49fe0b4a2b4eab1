package io.fleetdeck.views.certificates;

import io.fleetdeck.api.certificates.CertificateService;
import io.fleetdeck.api.certificates.CertificateStatusChange;
import io.fleetdeck.api.certificates.CertificatesSnapshot;
import io.fleetdeck.api.certificates.CertificatesSnapshot.CaRow;
import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.api.certificates.CertificatesSnapshot.PolicyRow;
import io.fleetdeck.api.certificates.IssuedBundle;
import io.fleetdeck.api.certificates.SimulationResult;
import io.fleetdeck.api.error.CertificateStateException;
import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.InvalidRequestException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An identity registry in memory that answers the way the real one does: revoked certificates stay revoked, policies
 * must exist, and the simulator explains its answer. Thread-safe.
 */
final class FakeDirectory implements CertificateService {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final String POLICY = "north-harbour-field-device-telemetry-and-shadow-policy";
    static final String POLICY_DOCUMENT = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow", "Action": "iot:Connect",
                 "Resource": "arn:aws:iot:*:*:client/${iot:Connection.Thing.ThingName}"},
                {"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"],
                 "Resource": "arn:aws:iot:*:*:topic/dt/${iot:Connection.Thing.ThingName}/*"},
                {"Effect": "Deny", "Action": "iot:Publish",
                 "Resource": "arn:aws:iot:*:*:topic/dt/*/admin"},
                {"Effect": "Allow", "Action": "iot:Subscribe",
                 "Resource": "arn:aws:iot:*:*:topicfilter/dt/${iot:Connection.Thing.ThingName}/*",
                 "Condition": {"Bool": {"iot:Connection.Thing.IsAttached": true}}, "MaxRetries": 3}
              ]
            }
            """;

    private final Map<String, CertificateRow> certificates = new LinkedHashMap<>();
    private final List<CaRow> cas = new ArrayList<>();
    private final Map<String, String> policies = new LinkedHashMap<>();
    private final Map<String, List<String>> warnings = new LinkedHashMap<>();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicInteger issued = new AtomicInteger();
    volatile FleetApiException nextFailure;
    volatile RuntimeException nextCrash;

    /** {@code count} device certificates with long thing names, all under {@link #POLICY}. */
    static FakeDirectory withDevices(int count) {
        FakeDirectory directory = new FakeDirectory();
        directory.cas.add(new CaRow(
                id("ca"),
                "CN=Fleetdeck device CA for the north harbour pumping stations,O=Fleetdeck",
                true,
                false,
                NOW.plus(Duration.ofDays(3650))));
        directory.policies.put(POLICY, POLICY_DOCUMENT);
        for (int i = 0; i < count; i++) {
            String thing = thingName(i);
            Instant notAfter = i % 50 == 3
                    ? NOW.minus(Duration.ofDays(2))
                    : i % 50 == 1 ? NOW.plus(Duration.ofDays(12)) : NOW.plus(Duration.ofDays(365 + i % 300));
            Instant lastSeen = i % 4 == 0 ? null : NOW.minus(Duration.ofMinutes(i % 3000));
            String status = i % 50 == 7 ? "INACTIVE" : "ACTIVE";
            directory.put(new CertificateRow(
                    id("device-" + i), thing, status, List.of(thing), notAfter, lastSeen, List.of(POLICY), false));
        }
        return directory;
    }

    /** A fresh data folder: its own CA, the two default policies and the shared claim certificate only. */
    static FakeDirectory freshDataFolder() {
        FakeDirectory directory = new FakeDirectory();
        directory.cas.add(new CaRow(id("ca"), "CN=Fleetdeck local CA", true, false, NOW.plus(Duration.ofDays(3650))));
        directory.policies.put("fleetdeck-device-default", POLICY_DOCUMENT);
        directory.policies.put("fleetdeck-claim", "{\"Version\": \"2012-10-17\", \"Statement\": []}");
        directory.put(new CertificateRow(
                id("claim"),
                "fleetdeck-claim",
                "ACTIVE",
                List.of(),
                NOW.plus(Duration.ofDays(365)),
                null,
                List.of("fleetdeck-claim"),
                true));
        return directory;
    }

    static String thingName(int i) {
        return String.format(Locale.ROOT, "north-harbour-pumping-station-%02d-flow-sensor-unit-%05d", i % 40, i);
    }

    /** A 64-hex id as SHA-256 would give, made from {@code seed}. */
    static String id(String seed) {
        try {
            return HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized void put(CertificateRow row) {
        certificates.put(row.id(), row);
    }

    /** What the registry's policy check says about {@code policy}'s document, from the next snapshot on. */
    synchronized void warn(String policy, List<String> lines) {
        warnings.put(policy, List.copyOf(lines));
    }

    synchronized CertificateRow certificate(String id) {
        return certificates.get(id);
    }

    synchronized List<CertificateRow> rows() {
        return List.copyOf(certificates.values());
    }

    @Override
    public synchronized CertificatesSnapshot snapshot() {
        crashIfAsked();
        List<PolicyRow> policyRows = new ArrayList<>();
        policies.forEach((name, document) -> {
            List<String> ids = new ArrayList<>();
            List<String> things = new ArrayList<>();
            for (CertificateRow row : certificates.values()) {
                if (row.policies().contains(name)) {
                    ids.add(row.id());
                    things.addAll(row.things());
                }
            }
            policyRows.add(new PolicyRow(name, 1, document, ids, things, warnings.getOrDefault(name, List.of())));
        });
        return new CertificatesSnapshot(
                NOW.plusMillis(samples.incrementAndGet()), cas, List.copyOf(certificates.values()), policyRows);
    }

    @Override
    public synchronized void updateCertificate(String certificateId, CertificateStatusChange newStatus)
            throws FleetApiException {
        setStatus(certificateId, newStatus.name());
    }

    @Override
    public void attachPolicyToGroup(String policyName, String groupName) {
        throw new UnsupportedOperationException("the Certificates view does not attach policies to groups");
    }

    @Override
    public void detachPolicyFromGroup(String policyName, String groupName) {
        throw new UnsupportedOperationException("the Certificates view does not detach policies from groups");
    }

    @Override
    public void createPolicy(String policyName, String document) {
        throw new UnsupportedOperationException("the Certificates view does not create policies");
    }

    @Override
    public synchronized void attachPolicy(String policyName, String certificateId) throws FleetApiException {
        CertificateRow row = require(certificateId);
        requirePolicy(policyName);
        List<String> attached = new ArrayList<>(row.policies());
        if (!attached.contains(policyName)) {
            attached.add(policyName);
        }
        put(with(row, row.status(), attached));
    }

    @Override
    public synchronized void detachPolicy(String policyName, String certificateId) throws FleetApiException {
        CertificateRow row = require(certificateId);
        requirePolicy(policyName);
        List<String> attached = new ArrayList<>(row.policies());
        attached.remove(policyName);
        put(with(row, row.status(), attached));
    }

    /** Writes the three texts as they are; the real writer (broker-lite's DeviceBundleFiles) is tested there. */
    public List<Path> saveBundle(IssuedBundle bundle, Path folder) throws IOException {
        List<Path> files = List.of(
                folder.resolve(bundle.thingName() + ".cert.pem"),
                folder.resolve(bundle.thingName() + ".private.key"),
                folder.resolve("root-ca.pem"));
        Files.createDirectories(folder);
        Files.writeString(files.get(0), bundle.certificatePem());
        Files.writeString(files.get(1), bundle.privateKeyPem());
        Files.writeString(files.get(2), bundle.rootCaPem());
        return files;
    }

    @Override
    public synchronized IssuedBundle issueCertificate(String thingName) throws FleetApiException {
        failIfAsked();
        if (!thingName.matches("[a-zA-Z0-9:_-]{1,128}")) {
            throw new InvalidRequestException(
                    "a thing name is 1-128 characters of letters, digits and :_-, was \"" + thingName + "\"");
        }
        String id = id("issued-" + issued.incrementAndGet() + "-" + thingName);
        String policy = policies.keySet().iterator().next();
        put(new CertificateRow(
                id,
                thingName,
                "ACTIVE",
                List.of(thingName),
                NOW.plus(Duration.ofDays(365)),
                null,
                List.of(policy),
                false));
        return new IssuedBundle(
                thingName,
                id,
                "-----BEGIN CERTIFICATE-----\nMIIB" + thingName + "\n-----END CERTIFICATE-----\n",
                "-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n",
                "-----BEGIN CERTIFICATE-----\nROOT\n-----END CERTIFICATE-----\n");
    }

    /**
     * Like the device policy above: Connect as the thing, Publish under {@code dt/THING/}, but never to an
     * {@code admin} topic (statement 2, an explicit deny); anything else is the implicit deny.
     */
    @Override
    public synchronized SimulationResult simulate(String clientId, String certificateId, String action, String resource)
            throws FleetApiException {
        failIfAsked();
        CertificateRow row = require(certificateId);
        if (row.policies().isEmpty()) {
            return new SimulationResult(false, "DENY: no statement allows it (implicit deny)");
        }
        String policy = row.policies().getFirst();
        boolean ownThing = row.things().contains(clientId);
        if (action.equals("Connect") && ownThing && resource.equals(clientId)) {
            return new SimulationResult(true, "ALLOW by statement 0 of policy " + policy);
        }
        if (action.equals("Publish") && resource.startsWith("dt/") && resource.endsWith("/admin")) {
            return new SimulationResult(false, "DENY by statement 2 of policy " + policy);
        }
        if ((action.equals("Publish") || action.equals("Receive"))
                && ownThing
                && resource.startsWith("dt/" + clientId + "/")) {
            return new SimulationResult(true, "ALLOW by statement 1 of policy " + policy);
        }
        return new SimulationResult(false, "DENY: no statement allows it (implicit deny)");
    }

    private void setStatus(String certificateId, String status) throws FleetApiException {
        failIfAsked();
        crashIfAsked();
        CertificateRow row = require(certificateId);
        if (row.status().equals("REVOKED") && !status.equals("REVOKED")) {
            throw new CertificateStateException("a revoked certificate cannot become " + status);
        }
        put(with(row, status, row.policies()));
    }

    private CertificateRow require(String certificateId) throws FleetApiException {
        CertificateRow row = certificates.get(certificateId);
        if (row == null) {
            throw new ResourceNotFoundException("no certificate with id " + certificateId);
        }
        return row;
    }

    private void requirePolicy(String name) throws FleetApiException {
        if (!policies.containsKey(name)) {
            throw new ResourceNotFoundException("no policy named " + name);
        }
    }

    private void failIfAsked() throws FleetApiException {
        FleetApiException failure = nextFailure;
        if (failure != null) {
            nextFailure = null;
            throw failure;
        }
    }

    private void crashIfAsked() {
        RuntimeException crash = nextCrash;
        if (crash != null) {
            nextCrash = null;
            throw crash;
        }
    }

    private static CertificateRow with(CertificateRow row, String status, List<String> policies) {
        return new CertificateRow(
                row.id(),
                row.commonName(),
                status,
                row.things(),
                row.notAfter(),
                row.lastSeen(),
                policies,
                row.provisioningClaim());
    }
}
