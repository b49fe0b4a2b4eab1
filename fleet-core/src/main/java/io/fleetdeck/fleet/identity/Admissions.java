package io.fleetdeck.fleet.identity;

import io.fleetdeck.broker.auth.Admission;
import io.fleetdeck.broker.policy.AttachedPolicy;
import io.fleetdeck.broker.policy.Decision;
import io.fleetdeck.broker.policy.IotAction;
import io.fleetdeck.broker.policy.PolicyDocument;
import io.fleetdeck.broker.policy.PolicyDocumentException;
import io.fleetdeck.broker.policy.PolicyEvaluator;
import io.fleetdeck.broker.policy.PolicyParser;
import io.fleetdeck.broker.policy.PrincipalContext;
import io.fleetdeck.broker.policy.PrincipalContext.Thing;
import io.fleetdeck.broker.tls.Pem;
import io.fleetdeck.fleet.identity.IdentityService.Simulation;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the broker asks at CONNECT: who a certificate is (its state, its things) and which policies apply, the
 * certificate's own and those of the static groups its thing is in; the policy simulator asks the same without side
 * effects. Called on the broker's threads; parsed policy documents are cached by name and default version.
 */
final class Admissions {

    // logs under IdentityService's name, as before it was split, so log settings and searches still find these lines
    private static final Logger log = LoggerFactory.getLogger(IdentityService.class);

    private final IdentityStore store;
    private final DeviceCertificates certificates;
    private final Policies policies;
    private final JustInTimeRegistration registration;
    private final Clock clock;
    private final IdentityChanges changes;
    private final Map<String, PolicyDocument> parsedPolicies = new ConcurrentHashMap<>();
    private volatile Function<String, List<String>> groupsOfThing = thing -> List.of();

    Admissions(
            IdentityStore store,
            DeviceCertificates certificates,
            Policies policies,
            JustInTimeRegistration registration,
            Clock clock,
            IdentityChanges changes) {
        this.store = store;
        this.certificates = certificates;
        this.policies = policies;
        this.registration = registration;
        this.clock = clock;
        this.changes = changes;
    }

    Admission admit(X509Certificate certificate, String clientId, @Nullable String sourceIp) {
        String id = Pem.certificateId(certificate);
        Optional<CertificateRecord> record = certificates.certificate(id);
        if (record.isEmpty()) {
            return registration.register(certificate, id);
        }
        registration.announceAgainIfWaiting(record.get());
        if (!record.get().status().canConnect()) {
            return new Admission.Refused(
                    "certificate " + id + " is " + record.get().status());
        }
        Map<String, Thing> things = attachedThings(id);
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

    Simulation simulate(String certificateId, String clientId, IotAction action, String resource)
            throws IdentityException {
        CertificateRecord record = certificates.require(certificateId);
        X509Certificate certificate = RequestPem.certificate(record.pem());
        Map<String, Thing> things = attachedThings(certificateId);
        PrincipalContext principal = PrincipalContext.forCertificate(
                        clientId, null, CertificateFields.of(certificate), things, clock.instant())
                .withClientIdOfRegisteredThing(isRegisteredThing(clientId, things));
        Decision decision = new PolicyEvaluator()
                .decide(attachedPolicies(certificateId, clientId, things), action, resource, principal);
        return new Simulation(record.status(), decision);
    }

    /** Where the groups of a thing, with their ancestors, come from (the registry). */
    void inheritGroupPoliciesFrom(Function<String, List<String>> groupsWithAncestors) {
        this.groupsOfThing = groupsWithAncestors;
        changes.changed();
    }

    /** The things attached to the certificate, by name, as policy variables see them. */
    private Map<String, Thing> attachedThings(String certificateId) {
        Map<String, Thing> things = new LinkedHashMap<>();
        for (ThingRecord thing : certificates.thingsOf(certificateId)) {
            things.put(thing.name(), new Thing(thing.name(), null, thing.attributes()));
        }
        return things;
    }

    /** A thing attached to the certificate needs no second read; any other name is looked up. */
    private boolean isRegisteredThing(String clientId, Map<String, Thing> attached) {
        return attached.containsKey(clientId) || store.thingExists(clientId);
    }

    /** The certificate's policies, then those of the groups (and their ancestors) the connection's thing is in. */
    private List<AttachedPolicy> attachedPolicies(String certificateId, String clientId, Map<String, Thing> things) {
        List<AttachedPolicy> attached = new ArrayList<>();
        addPolicies(attached, policies.ofCertificate(certificateId), "");
        if (things.containsKey(clientId)) {
            for (String group : groupsOfThing.apply(clientId)) {
                addPolicies(attached, policies.ofGroup(group), " (group " + group + ")");
            }
        }
        return attached;
    }

    private void addPolicies(List<AttachedPolicy> attached, List<PolicyRecord> records, String origin) {
        for (PolicyRecord policy : records) {
            PolicyDocument document = parsedPolicies.computeIfAbsent(
                    policy.name() + ":" + policy.defaultVersion(), key -> parseStored(policy));
            attached.add(new AttachedPolicy(policy.name() + origin, document));
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
}
