package io.fleetdeck.fleet.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdeck.api.event.Change;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvent.CertificateChanged;
import io.fleetdeck.api.event.FleetEvent.GroupChanged;
import io.fleetdeck.broker.auth.Admission;
import io.fleetdeck.broker.auth.ClientAuthority;
import io.fleetdeck.broker.policy.AttachedPolicy;
import io.fleetdeck.broker.policy.Decision;
import io.fleetdeck.broker.policy.IotAction;
import io.fleetdeck.broker.policy.PolicyDocument;
import io.fleetdeck.broker.policy.PolicyDocumentException;
import io.fleetdeck.broker.policy.PolicyEvaluator;
import io.fleetdeck.broker.policy.PolicyParser;
import io.fleetdeck.broker.policy.PrincipalContext;
import io.fleetdeck.broker.policy.PrincipalContext.Thing;
import io.fleetdeck.broker.tls.CaKeyType;
import io.fleetdeck.broker.tls.CertificateAuthority;
import io.fleetdeck.broker.tls.Pem;
import io.fleetdeck.broker.tls.PemFiles;
import io.fleetdeck.fleet.events.FleetEventSink;
import io.fleetdeck.fleet.store.Database;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device identities as AWS IoT keeps them: CAs, certificates and their states, policies and what they are attached to,
 * and the things certificates speak for. It is also the broker's {@link ClientAuthority}: every change moves the
 * generation, so connections re-read their decisions, and a certificate leaving ACTIVE ends its live sessions.
 * Thread-safe: the store serializes writes.
 */
public final class IdentityService implements ClientAuthority {

    private static final Logger log = LoggerFactory.getLogger(IdentityService.class);
    private static final Pattern POLICY_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");
    private static final int MAX_POLICY_VERSIONS = 5;
    private static final String LOCAL_ACCOUNT = "000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IdentityStore store;
    private final CertificateAuthority authority;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private final List<Consumer<String>> disabledListeners = new CopyOnWriteArrayList<>();
    private final Map<String, PolicyDocument> parsedPolicies = new ConcurrentHashMap<>();
    private volatile List<X509Certificate> trusted = List.of();
    private volatile @Nullable BiConsumer<String, byte[]> events;
    private volatile FleetEventSink changes = FleetEventSink.NONE;
    private volatile @Nullable Path revocationListFile;
    private volatile Function<String, List<String>> groupsOfThing = thing -> List.of();
    private volatile Predicate<String> dynamicGroup = group -> false;
    /* policy attachments to groups are stored with this prefix; certificate ids are hex and never have it */
    private static final String GROUP_TARGET = "group:";

    private IdentityService(IdentityStore store, CertificateAuthority authority, Clock clock) {
        this.store = store;
        this.authority = authority;
        this.clock = clock;
    }

    /** Opens the identities in {@code database}, registering the data folder's own CA on first use. */
    public static IdentityService open(Database database, CertificateAuthority authority, Clock clock) {
        IdentityService service = new IdentityService(new IdentityStore(database), authority, clock);
        X509Certificate ownCa = authority.certificate();
        String ownCaId = Pem.certificateId(ownCa);
        if (service.store.findCa(ownCaId).isEmpty()) {
            service.store.insertCa(new CaRecord(
                    ownCaId,
                    Pem.of(ownCa),
                    ownCa.getSubjectX500Principal().getName(),
                    true,
                    false,
                    ownCa.getNotAfter().toInstant(),
                    clock.instant()));
            log.debug("Registered the data folder's CA {} for device certificates", ownCaId);
        }
        service.reloadTrustedAuthorities();
        return service;
    }

    // --- certificates

    /** CreateKeysAndCertificate: a key pair made here and its certificate; the private key is not kept. */
    public IssuedCertificate createKeysAndCertificate(String commonName, CaKeyType keyType, boolean setAsActive)
            throws GeneralSecurityException {
        return createKeysAndCertificate(
                commonName, keyType, setAsActive ? CertificateStatus.ACTIVE : CertificateStatus.INACTIVE);
    }

    /** As above, in a given first state: fleet provisioning makes them PENDING_ACTIVATION (§6.1). */
    public IssuedCertificate createKeysAndCertificate(String commonName, CaKeyType keyType, CertificateStatus status)
            throws GeneralSecurityException {
        CertificateAuthority.Issued issued = authority.createKeysAndCertificate(commonName, keyType);
        CertificateRecord record = register(issued.certificate(), status);
        return new IssuedCertificate(record, Pem.of(issued.privateKey()));
    }

    /** CreateCertificateFromCsr: the device keeps its key; only the CSR's public key is certified. */
    public CertificateRecord createCertificateFromCsr(String csrPem, CertificateStatus status)
            throws IdentityException {
        try {
            return register(authority.issueFromCsr(Pem.csr(csrPem)), status);
        } catch (Pem.InvalidPemException | CertificateAuthority.InvalidCsrException e) {
            throw new IdentityException(IdentityException.INVALID_REQUEST, e.getMessage());
        }
    }

    private CertificateRecord register(X509Certificate certificate, CertificateStatus status) {
        return insert(certificate, Pem.certificateId(authority.certificate()), status);
    }

    private CertificateRecord insert(X509Certificate certificate, String caId, CertificateStatus status) {
        CertificateRecord record = new CertificateRecord(
                Pem.certificateId(certificate),
                Pem.of(certificate),
                caId,
                certificate.getSubjectX500Principal().getName(),
                status,
                certificate.getNotAfter().toInstant(),
                clock.instant(),
                null);
        store.insertCertificate(record);
        changed();
        changes.publish(new CertificateChanged(record.id(), Change.CREATED, status.name()));
        return record;
    }

    /** UpdateCertificate: moves a certificate between states; one that leaves ACTIVE loses its live connections. */
    public void updateCertificate(String certificateId, CertificateStatus next) throws IdentityException {
        CertificateRecord certificate = requireCertificate(certificateId);
        certificate.status().checkUpdateTo(next);
        store.updateStatus(certificateId, next, clock.instant());
        changed();
        changes.publish(new CertificateChanged(certificateId, Change.UPDATED, next.name()));
        if (next == CertificateStatus.REVOKED) {
            exportRevocationList();
        }
        if (certificate.status() == CertificateStatus.PENDING_ACTIVATION) {
            log.debug("Certificate {}: {} -> {}", certificateId, certificate.status(), next); // provisioning says it
        } else {
            log.info("Certificate {}: {} -> {}", certificateId, certificate.status(), next);
        }
        if (certificate.status() == CertificateStatus.ACTIVE && next != CertificateStatus.ACTIVE) {
            disabledListeners.forEach(listener -> listener.accept(certificateId));
        }
    }

    /**
     * RegisterCACertificate (BYOC): device certificates this CA signed are then accepted; with auto-registration on, an
     * unknown one is registered at its first connection as PENDING_ACTIVATION (JITR). Without AWS's proof of
     * possession (the verification certificate with a registration code): a local console has one account.
     */
    public CaRecord registerCaCertificate(String pem, boolean active, boolean autoRegistration)
            throws IdentityException {
        X509Certificate ca = parse(pem);
        if (ca.getBasicConstraints() < 0) {
            throw new IdentityException(IdentityException.INVALID_REQUEST, "the certificate is not a CA certificate");
        }
        String id = Pem.certificateId(ca);
        if (store.findCa(id).isPresent()) {
            throw new IdentityException(IdentityException.ALREADY_EXISTS, "CA " + id + " is already registered");
        }
        String subject = ca.getSubjectX500Principal().getName();
        if (store.cas().stream()
                        .filter(other -> other.subject().equals(subject))
                        .count()
                >= 10) {
            throw new IdentityException(
                    IdentityException.INVALID_REQUEST, "10 CA certificates with the subject " + subject + " exist");
        }
        CaRecord record = new CaRecord(
                id,
                Pem.of(ca),
                subject,
                active,
                autoRegistration,
                ca.getNotAfter().toInstant(),
                clock.instant());
        store.insertCa(record);
        reloadTrustedAuthorities();
        return record;
    }

    /** RegisterCertificate: a device certificate signed by a registered CA, in the state asked for. */
    public CertificateRecord registerCertificate(String pem, CertificateStatus status) throws IdentityException {
        X509Certificate certificate = parse(pem);
        CaRecord issuer = issuingCa(certificate)
                .orElseThrow(() -> new IdentityException(
                        IdentityException.INVALID_REQUEST, "the certificate was not issued by a registered CA"));
        if (store.findCertificate(Pem.certificateId(certificate)).isPresent()) {
            throw new IdentityException(IdentityException.ALREADY_EXISTS, "the certificate is already registered");
        }
        return insert(certificate, issuer.id(), status);
    }

    /** Where the broker publishes JITR events ($aws/events/certificates/registered/<caId>). */
    public void publishEventsTo(BiConsumer<String, byte[]> publisher) {
        this.events = publisher;
    }

    /** Where a certificate registered or moved to another status goes, as a {@code CertificateChanged} event. */
    public void publishChangesTo(FleetEventSink sink) {
        this.changes = sink;
    }

    /** Where the CRL of the data folder's CA is written whenever a certificate it issued is revoked. */
    public void exportRevocationListTo(Path file) {
        this.revocationListFile = file;
        exportRevocationList();
    }

    public Optional<CertificateRecord> certificate(String certificateId) {
        return store.findCertificate(certificateId);
    }

    public List<CertificateRecord> certificates() {
        return store.certificates();
    }

    public List<CaRecord> certificateAuthorities() {
        return store.cas();
    }

    private CertificateRecord requireCertificate(String certificateId) throws IdentityException {
        return store.findCertificate(certificateId)
                .orElseThrow(() ->
                        new IdentityException(IdentityException.NOT_FOUND, "no certificate with id " + certificateId));
    }

    // --- policies

    /** CreatePolicy: the document is checked whole first; a broken one is refused with its line and column. */
    public PolicyRecord createPolicy(String name, String document) throws IdentityException {
        if (!POLICY_NAME.matcher(name).matches()) {
            throw new IdentityException(
                    IdentityException.INVALID_REQUEST,
                    "a policy name is 1-128 characters of letters, digits and _+=,.@-, was \"" + name + "\"");
        }
        if (store.findPolicy(name).isPresent()) {
            throw new IdentityException(IdentityException.ALREADY_EXISTS, "policy " + name + " already exists");
        }
        checkDocument(name, document);
        store.insertPolicy(name, document, clock.instant());
        changed();
        return store.findPolicy(name).orElseThrow();
    }

    /**
     * CreatePolicyVersion: at most five versions are kept (VersionsLimitExceededException past that); the new one
     * becomes the one in force when {@code setAsDefault}.
     */
    public int createPolicyVersion(String name, String document, boolean setAsDefault) throws IdentityException {
        requirePolicy(name);
        if (store.policyVersions(name).size() >= MAX_POLICY_VERSIONS) {
            throw new IdentityException(
                    IdentityException.VERSIONS_LIMIT,
                    "policy " + name + " has " + MAX_POLICY_VERSIONS + " versions; delete one first");
        }
        checkDocument(name, document);
        int version = store.addPolicyVersion(name, document, setAsDefault, clock.instant());
        changed();
        return version;
    }

    /** SetDefaultPolicyVersion: which version is in force, for every certificate the policy is attached to. */
    public void setDefaultPolicyVersion(String name, int version) throws IdentityException {
        requirePolicy(name);
        if (!store.policyVersions(name).contains(version)) {
            throw new IdentityException(IdentityException.NOT_FOUND, "policy " + name + " has no version " + version);
        }
        store.setDefaultPolicyVersion(name, version);
        changed();
    }

    /** DeletePolicyVersion: any but the default one. */
    public void deletePolicyVersion(String name, int version) throws IdentityException {
        PolicyRecord policy = store.findPolicy(name)
                .orElseThrow(() -> new IdentityException(IdentityException.NOT_FOUND, "no policy named " + name));
        if (policy.defaultVersion() == version) {
            throw new IdentityException(
                    IdentityException.DELETE_CONFLICT, "version " + version + " of " + name + " is the default");
        }
        store.deletePolicyVersion(name, version);
        changed();
    }

    public List<Integer> policyVersions(String name) {
        return store.policyVersions(name);
    }

    public Optional<PolicyRecord> policy(String name) {
        return store.findPolicy(name);
    }

    public List<PolicyRecord> policies() {
        return store.policies();
    }

    /** Attaches a policy to a certificate (AttachPolicy with the certificate as target). */
    public void attachPolicy(String policyName, String certificateId) throws IdentityException {
        requirePolicy(policyName);
        requireCertificate(certificateId);
        store.attachPolicy(policyName, certificateId);
        changed();
    }

    public void detachPolicy(String policyName, String certificateId) throws IdentityException {
        requirePolicy(policyName);
        store.detachPolicy(policyName, certificateId);
        changed();
    }

    /** The certificates (and later groups) a policy is attached to. */
    public List<String> policyTargets(String policyName) {
        return store.targetsOf(policyName);
    }

    public List<PolicyRecord> policiesOf(String certificateId) {
        return store.policiesAttachedTo(certificateId);
    }

    private static void checkDocument(String name, String document) throws IdentityException {
        try {
            PolicyParser.parse(document);
        } catch (PolicyDocumentException e) {
            throw new IdentityException(IdentityException.MALFORMED_POLICY, "policy " + name + ", " + e.getMessage());
        }
    }

    private void requirePolicy(String policyName) throws IdentityException {
        if (store.findPolicy(policyName).isEmpty()) {
            throw new IdentityException(IdentityException.NOT_FOUND, "no policy named " + policyName);
        }
    }

    // --- things

    public Optional<ThingRecord> thing(String name) {
        return store.findThing(name);
    }

    /** AttachThingPrincipal: the certificate may now speak for the thing ({@code ${iot:Connection.Thing.*}}). */
    public void attachThingPrincipal(String thingName, String certificateId) throws IdentityException {
        if (store.findThing(thingName).isEmpty()) {
            throw new IdentityException(IdentityException.NOT_FOUND, "no thing named " + thingName);
        }
        requireCertificate(certificateId);
        store.attachThingPrincipal(thingName, certificateId);
        changed();
    }

    /** Every certificate's attached thing names, in one read: for lists of thousands of certificates. */
    public Map<String, List<String>> thingNamesByCertificate() {
        return store.thingNamesByCertificate();
    }

    /**
     * The policy simulator: what the policies attached to a certificate decide for a client id, an action and a
     * resource, with the certificate's variables filled in; no side effects (last seen is not touched).
     */
    public Simulation simulate(String certificateId, String clientId, IotAction action, String resource)
            throws IdentityException {
        CertificateRecord record = requireCertificate(certificateId);
        X509Certificate certificate = parse(record.pem());
        Map<String, Thing> things = new LinkedHashMap<>();
        for (ThingRecord thing : store.thingsOf(certificateId)) {
            things.put(thing.name(), new Thing(thing.name(), null, thing.attributes()));
        }
        PrincipalContext principal = PrincipalContext.forCertificate(
                        clientId, null, CertificateFields.of(certificate), things, clock.instant())
                .withClientIdOfRegisteredThing(isRegisteredThing(clientId, things));
        Decision decision = new PolicyEvaluator()
                .decide(attachedPolicies(certificateId, clientId, things), action, resource, principal);
        return new Simulation(record.status(), decision);
    }

    /** A simulated decision; a certificate that is not ACTIVE is refused before any policy is read. */
    public record Simulation(CertificateStatus certificateStatus, Decision policyDecision) {

        public boolean allowed() {
            return certificateStatus.canConnect() && policyDecision.allowed();
        }
    }

    public List<ThingRecord> thingsOf(String certificateId) {
        return store.thingsOf(certificateId);
    }

    public List<String> principalsOf(String thingName) {
        return store.principalsOf(thingName);
    }

    // --- the broker's port

    @Override
    public List<X509Certificate> trustedAuthorities() {
        return trusted;
    }

    @Override
    public Admission admit(X509Certificate certificate, String clientId, @Nullable String sourceIp) {
        String id = Pem.certificateId(certificate);
        Optional<CertificateRecord> record = store.findCertificate(id);
        if (record.isEmpty()) {
            return justInTimeRegistration(certificate, id);
        }
        if (record.get().status() == CertificateStatus.PENDING_ACTIVATION
                && record.get().caId() != null) {
            // JITR announces every attempt of a certificate still waiting, so a handler that missed one can act
            store.findCa(record.get().caId())
                    .filter(CaRecord::autoRegistration)
                    .ifPresent(
                            ca -> announceRegistration(id, ca.id(), record.get().createdAt()));
        }
        if (!record.get().status().canConnect()) {
            return new Admission.Refused(
                    "certificate " + id + " is " + record.get().status());
        }
        Map<String, Thing> things = new LinkedHashMap<>();
        for (ThingRecord thing : store.thingsOf(id)) {
            things.put(thing.name(), new Thing(thing.name(), null, thing.attributes()));
        }
        Instant now = clock.instant();
        Instant lastSeen = record.get().lastSeen();
        // a write per CONNECT would slow reconnect storms; a minute's precision is what "last seen" needs
        if (lastSeen == null || lastSeen.isBefore(now.minusSeconds(60))) {
            store.seen(id, now);
        }
        PrincipalContext principal = PrincipalContext.forCertificate(
                        clientId, sourceIp, CertificateFields.of(certificate), things, now)
                .withClientIdOfRegisteredThing(isRegisteredThing(clientId, things));
        return new Admission.Admitted(id, principal, attachedPolicies(id, clientId, things));
    }

    /** A thing attached to the certificate needs no second read; any other name is looked up. */
    private boolean isRegisteredThing(String clientId, Map<String, Thing> attached) {
        return attached.containsKey(clientId) || store.thingExists(clientId);
    }

    /** JITR (AWS-IOT-BEHAVIOUR §5.3): an unknown certificate from a CA with auto-registration is registered, pending. */
    private Admission justInTimeRegistration(X509Certificate certificate, String id) {
        Optional<CaRecord> issuer = issuingCa(certificate).filter(ca -> ca.active() && ca.autoRegistration());
        if (issuer.isEmpty()) {
            return new Admission.Refused("certificate " + id + " is not registered");
        }
        CertificateRecord registered = insert(certificate, issuer.get().id(), CertificateStatus.PENDING_ACTIVATION);
        log.info(
                "Registered certificate {} from CA {} just in time, PENDING_ACTIVATION",
                id,
                issuer.get().id());
        announceRegistration(id, issuer.get().id(), registered.createdAt());
        return new Admission.Refused("certificate " + id + " was registered just in time and waits for activation");
    }

    private void announceRegistration(String certificateId, String caId, Instant registeredAt) {
        BiConsumer<String, byte[]> publisher = events;
        if (publisher == null) {
            return;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("certificateId", certificateId);
        event.put("caCertificateId", caId);
        event.put("timestamp", clock.millis());
        event.put("certificateStatus", CertificateStatus.PENDING_ACTIVATION.name());
        event.put("awsAccountId", LOCAL_ACCOUNT);
        event.put("certificateRegistrationTimestamp", registeredAt.toString());
        try {
            publisher.accept("$aws/events/certificates/registered/" + caId, JSON.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            log.warn("Could not write the JITR event for {}: {}", certificateId, e.toString());
        }
    }

    /** The registered CA whose key signed {@code certificate}. */
    private Optional<CaRecord> issuingCa(X509Certificate certificate) {
        for (CaRecord ca : store.cas()) {
            try {
                X509Certificate caCertificate = Pem.certificate(ca.pem());
                if (caCertificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                    certificate.verify(caCertificate.getPublicKey());
                    return Optional.of(ca);
                }
            } catch (Pem.InvalidPemException | GeneralSecurityException notThisOne) {
                // signed by another CA with the same subject, or not at all: try the next
            }
        }
        return Optional.empty();
    }

    private void exportRevocationList() {
        Path file = revocationListFile;
        if (file == null) {
            return;
        }
        Map<BigInteger, Instant> revoked = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Instant> entry :
                    store.revokedBy(Pem.certificateId(authority.certificate())).entrySet()) {
                revoked.put(Pem.certificate(entry.getKey()).getSerialNumber(), entry.getValue());
            }
            PemFiles.replace(file, Pem.of(authority.revocationList(revoked)), false);
        } catch (IOException | GeneralSecurityException | Pem.InvalidPemException e) {
            log.warn("Could not export the CRL to {}: {}", file, e.toString());
        }
    }

    private static X509Certificate parse(String pem) throws IdentityException {
        try {
            return Pem.certificate(pem);
        } catch (Pem.InvalidPemException e) {
            throw new IdentityException(IdentityException.INVALID_REQUEST, e.getMessage());
        }
    }

    /**
     * Where the groups of a thing come from (the registry): policies attached to a static thing group apply to the
     * things in it and in its descendants, when the client id is the thing's name (AWS-IOT-BEHAVIOUR §4.3, §5.9).
     */
    public void inheritGroupPoliciesFrom(Function<String, List<String>> groupsWithAncestors) {
        this.groupsOfThing = groupsWithAncestors;
        changed();
    }

    /**
     * Something in the registry changed (membership, groups): decisions must be made again. A group's policies follow
     * it when the console renames it and go when it is deleted, as a re-created AWS group would have none.
     */
    public void registryChanged(FleetEvent event) {
        if (event instanceof GroupChanged group) {
            String newName = group.newName();
            if (group.change() == Change.RENAMED && newName != null) {
                store.moveAttachments(GROUP_TARGET + group.group(), GROUP_TARGET + newName);
            } else if (group.change() == Change.DELETED) {
                store.detachAll(GROUP_TARGET + group.group());
            }
        }
        changed();
    }

    /** The policies attached to a static thing group itself (not those of its ancestors). */
    public List<String> groupPolicies(String groupName) {
        return store.policiesAttachedTo(GROUP_TARGET + groupName).stream()
                .map(PolicyRecord::name)
                .toList();
    }

    /** Which thing groups are dynamic (the registry knows): AWS refuses policies on them. */
    public void refusePoliciesOnDynamicGroups(Predicate<String> isDynamicGroup) {
        this.dynamicGroup = isDynamicGroup;
    }

    /** AttachPolicy with a static thing group as target. */
    public void attachPolicyToGroup(String policyName, String groupName) throws IdentityException {
        if (dynamicGroup.test(groupName)) {
            throw new IdentityException(
                    IdentityException.INVALID_REQUEST,
                    "policies cannot be attached to dynamic thing group " + groupName
                            + "; attach them to a static group or to the devices' certificates");
        }
        requirePolicy(policyName);
        store.attachPolicy(policyName, GROUP_TARGET + groupName);
        changed();
    }

    /** The certificate's policies, then those of the groups (and their ancestors) the connection's thing is in. */
    private List<AttachedPolicy> attachedPolicies(String certificateId, String clientId, Map<String, Thing> things) {
        List<AttachedPolicy> policies = new ArrayList<>();
        addPolicies(policies, certificateId, "");
        if (things.containsKey(clientId)) {
            for (String group : groupsOfThing.apply(clientId)) {
                addPolicies(policies, GROUP_TARGET + group, " (group " + group + ")");
            }
        }
        return policies;
    }

    private void addPolicies(List<AttachedPolicy> policies, String target, String origin) {
        for (PolicyRecord policy : store.policiesAttachedTo(target)) {
            PolicyDocument document = parsedPolicies.computeIfAbsent(
                    policy.name() + ":" + policy.defaultVersion(), key -> parseStored(policy));
            policies.add(new AttachedPolicy(policy.name() + origin, document));
        }
    }

    private static PolicyDocument parseStored(PolicyRecord policy) {
        try {
            return PolicyParser.parse(policy.document());
        } catch (PolicyDocumentException e) {
            // stored documents were checked at creation; one that no longer parses allows nothing
            log.error("Stored policy {} no longer parses: {}", policy.name(), e.getMessage());
            return new PolicyDocument("2012-10-17", List.of(), true);
        }
    }

    @Override
    public long generation() {
        return generation.get();
    }

    @Override
    public void onCertificateDisabled(Consumer<String> certificateId) {
        disabledListeners.add(certificateId);
    }

    private void changed() {
        generation.incrementAndGet();
    }

    private void reloadTrustedAuthorities() {
        List<X509Certificate> active = new ArrayList<>();
        for (CaRecord ca : store.cas()) {
            if (ca.active()) {
                try {
                    active.add(Pem.certificate(ca.pem()));
                } catch (Pem.InvalidPemException e) {
                    log.error("Registered CA {} cannot be read: {}", ca.id(), e.getMessage());
                }
            }
        }
        trusted = List.copyOf(active);
        changed();
    }

    /** A certificate made by CreateKeysAndCertificate, with the private key the caller must keep. */
    public record IssuedCertificate(CertificateRecord certificate, String privateKeyPem) {}
}
