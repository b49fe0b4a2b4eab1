package io.fleetdeck.fleet.identity;

import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.broker.auth.Admission;
import io.fleetdeck.broker.auth.ClientAuthority;
import io.fleetdeck.broker.policy.Decision;
import io.fleetdeck.broker.policy.IotAction;
import io.fleetdeck.broker.tls.CaKeyType;
import io.fleetdeck.broker.tls.CertificateAuthority;
import io.fleetdeck.fleet.events.FleetEventSink;
import io.fleetdeck.fleet.store.Database;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Device identities as AWS IoT keeps them: CAs, certificates and their states, policies and what they are attached to,
 * and the things certificates speak for. It is also the broker's {@link ClientAuthority}: every change moves the
 * generation, so connections re-read their decisions, and a certificate leaving ACTIVE ends its live sessions.
 * Thread-safe: the store serializes writes.
 *
 * <p>The work is done by {@link CertificateAuthorities} (registered CAs and the trust anchors), {@link
 * DeviceCertificates} (certificates, their states and things), {@link Policies} (documents, versions, attachments),
 * {@link Admissions} (what the broker asks at CONNECT, and the simulator), {@link JustInTimeRegistration} and {@link
 * RevocationList}; {@link IdentityChanges} holds the generation and the listeners they share.
 */
public final class IdentityService implements ClientAuthority {

    private final IdentityChanges changes = new IdentityChanges();
    private final CertificateAuthorities cas;
    private final RevocationList revocationList;
    private final DeviceCertificates certificates;
    private final Policies policies;
    private final JustInTimeRegistration registration;
    private final Admissions admissions;

    private IdentityService(IdentityStore store, CertificateAuthority authority, Clock clock) {
        this.cas = new CertificateAuthorities(store, clock, changes);
        this.revocationList = new RevocationList(store, authority);
        this.certificates = new DeviceCertificates(store, authority, cas, revocationList, clock, changes);
        this.policies = new Policies(store, certificates, clock, changes);
        this.registration = new JustInTimeRegistration(cas, certificates, clock);
        this.admissions = new Admissions(store, certificates, policies, registration, clock, changes);
    }

    /** Opens the identities in {@code database}, registering the data folder's own CA on first use. */
    public static IdentityService open(Database database, CertificateAuthority authority, Clock clock) {
        IdentityService service = new IdentityService(new IdentityStore(database), authority, clock);
        service.cas.registerOwn(authority.certificate());
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
        return certificates.createKeysAndCertificate(commonName, keyType, status);
    }

    /** CreateCertificateFromCsr: the device keeps its key; only the CSR's public key is certified. */
    public CertificateRecord createCertificateFromCsr(String csrPem, CertificateStatus status)
            throws IdentityException {
        return certificates.createCertificateFromCsr(csrPem, status);
    }

    /** UpdateCertificate: moves a certificate between states; one that leaves ACTIVE loses its live connections. */
    public void updateCertificate(String certificateId, CertificateStatus next) throws IdentityException {
        certificates.update(certificateId, next);
    }

    /**
     * RegisterCACertificate (BYOC): device certificates this CA signed are then accepted; with auto-registration on, an
     * unknown one is registered at its first connection as PENDING_ACTIVATION (JITR). Without AWS's proof of
     * possession (the verification certificate with a registration code): a local console has one account.
     */
    public CaRecord registerCaCertificate(String pem, boolean active, boolean autoRegistration)
            throws IdentityException {
        return cas.register(pem, active, autoRegistration);
    }

    /** RegisterCertificate: a device certificate signed by a registered CA, in the state asked for. */
    public CertificateRecord registerCertificate(String pem, CertificateStatus status) throws IdentityException {
        return certificates.register(pem, status);
    }

    /** Where the broker publishes JITR events ($aws/events/certificates/registered/<caId>). */
    public void publishEventsTo(BiConsumer<String, byte[]> publisher) {
        registration.publishEventsTo(publisher);
    }

    /** Where a certificate registered or moved to another status goes, as a {@code CertificateChanged} event. */
    public void publishChangesTo(FleetEventSink sink) {
        changes.publishTo(sink);
    }

    /** Where the CRL of the data folder's CA is written whenever a certificate it issued is revoked. */
    public void exportRevocationListTo(Path file) {
        revocationList.exportTo(file);
    }

    public Optional<CertificateRecord> certificate(String certificateId) {
        return certificates.certificate(certificateId);
    }

    public List<CertificateRecord> certificates() {
        return certificates.certificates();
    }

    public List<CaRecord> certificateAuthorities() {
        return cas.all();
    }

    // --- policies

    /** CreatePolicy: the document is checked whole first; a broken one is refused with its line and column. */
    public PolicyRecord createPolicy(String name, String document) throws IdentityException {
        return policies.create(name, document);
    }

    /**
     * CreatePolicyVersion: at most five versions are kept (VersionsLimitExceededException past that); the new one
     * becomes the one in force when {@code setAsDefault}.
     */
    public int createPolicyVersion(String name, String document, boolean setAsDefault) throws IdentityException {
        return policies.createVersion(name, document, setAsDefault);
    }

    /** SetDefaultPolicyVersion: which version is in force, for every certificate the policy is attached to. */
    public void setDefaultPolicyVersion(String name, int version) throws IdentityException {
        policies.setDefaultVersion(name, version);
    }

    /** DeletePolicyVersion: any but the default one. */
    public void deletePolicyVersion(String name, int version) throws IdentityException {
        policies.deleteVersion(name, version);
    }

    public List<Integer> policyVersions(String name) {
        return policies.versions(name);
    }

    public Optional<PolicyRecord> policy(String name) {
        return policies.policy(name);
    }

    public List<PolicyRecord> policies() {
        return policies.policies();
    }

    /** Attaches a policy to a certificate (AttachPolicy with the certificate as target). */
    public void attachPolicy(String policyName, String certificateId) throws IdentityException {
        policies.attachToCertificate(policyName, certificateId);
    }

    public void detachPolicy(String policyName, String certificateId) throws IdentityException {
        policies.detachFromCertificate(policyName, certificateId);
    }

    /** The certificates (and later groups) a policy is attached to. */
    public List<String> policyTargets(String policyName) {
        return policies.targets(policyName);
    }

    public List<PolicyRecord> policiesOf(String certificateId) {
        return policies.ofCertificate(certificateId);
    }

    // --- things

    public Optional<ThingRecord> thing(String name) {
        return certificates.thing(name);
    }

    /** AttachThingPrincipal: the certificate may now speak for the thing ({@code ${iot:Connection.Thing.*}}). */
    public void attachThingPrincipal(String thingName, String certificateId) throws IdentityException {
        certificates.attachThingPrincipal(thingName, certificateId);
    }

    /** Every certificate's attached thing names, in one read: for lists of thousands of certificates. */
    public Map<String, List<String>> thingNamesByCertificate() {
        return certificates.thingNamesByCertificate();
    }

    /**
     * The policy simulator: what the policies attached to a certificate decide for a client id, an action and a
     * resource, with the certificate's variables filled in; no side effects (last seen is not touched).
     */
    public Simulation simulate(String certificateId, String clientId, IotAction action, String resource)
            throws IdentityException {
        return admissions.simulate(certificateId, clientId, action, resource);
    }

    /** A simulated decision; a certificate that is not ACTIVE is refused before any policy is read. */
    public record Simulation(CertificateStatus certificateStatus, Decision policyDecision) {

        public boolean allowed() {
            return certificateStatus.canConnect() && policyDecision.allowed();
        }
    }

    public List<ThingRecord> thingsOf(String certificateId) {
        return certificates.thingsOf(certificateId);
    }

    public List<String> principalsOf(String thingName) {
        return certificates.principalsOf(thingName);
    }

    // --- the broker's port

    @Override
    public List<X509Certificate> trustedAuthorities() {
        return cas.trusted();
    }

    @Override
    public Admission admit(X509Certificate certificate, String clientId, @Nullable String sourceIp) {
        return admissions.admit(certificate, clientId, sourceIp);
    }

    /**
     * Where the groups of a thing come from (the registry): policies attached to a static thing group apply to the
     * things in it and in its descendants, when the client id is the thing's name (AWS-IOT-BEHAVIOUR §4.3, §5.9).
     */
    public void inheritGroupPoliciesFrom(Function<String, List<String>> groupsWithAncestors) {
        admissions.inheritGroupPoliciesFrom(groupsWithAncestors);
    }

    /**
     * Something in the registry changed (membership, groups): decisions must be made again. A group's policies follow
     * it when the console renames it and go when it is deleted, as a re-created AWS group would have none.
     */
    public void registryChanged(FleetEvent event) {
        policies.registryChanged(event);
    }

    /** The policies attached to a static thing group itself (not those of its ancestors). */
    public List<String> groupPolicies(String groupName) {
        return policies.ofGroup(groupName).stream().map(PolicyRecord::name).toList();
    }

    /** Which thing groups are dynamic (the registry knows): AWS refuses policies on them. */
    public void refusePoliciesOnDynamicGroups(Predicate<String> isDynamicGroup) {
        policies.refuseOnDynamicGroups(isDynamicGroup);
    }

    /** AttachPolicy with a static thing group as target. */
    public void attachPolicyToGroup(String policyName, String groupName) throws IdentityException {
        policies.attachToGroup(policyName, groupName);
    }

    /** DetachPolicy with a thing group as target: its things no longer have the policy through it. */
    public void detachPolicyFromGroup(String policyName, String groupName) throws IdentityException {
        policies.detachFromGroup(policyName, groupName);
    }

    @Override
    public long generation() {
        return changes.generation();
    }

    @Override
    public void onCertificateDisabled(Consumer<String> certificateId) {
        changes.onCertificateDisabled(certificateId);
    }

    /** A certificate made by CreateKeysAndCertificate, with the private key the caller must keep. */
    public record IssuedCertificate(CertificateRecord certificate, String privateKeyPem) {}
}
