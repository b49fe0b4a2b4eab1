package io.fleetdeck.fleet.identity;

import io.fleetdeck.api.event.Change;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvent.GroupChanged;
import io.fleetdeck.broker.policy.PolicyDocumentException;
import io.fleetdeck.broker.policy.PolicyParser;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * AWS IoT policies: documents checked whole before they are stored, at most five versions of each, attached to
 * certificates and to static thing groups (AWS-IOT-BEHAVIOUR §5.5, §5.9). Every change moves the generation. Any
 * thread may call it: the store serializes writes.
 */
final class Policies {

    private static final Pattern POLICY_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");
    private static final int MAX_POLICY_VERSIONS = 5;
    /* policy attachments to groups are stored with this prefix; certificate ids are hex and never have it */
    private static final String GROUP_TARGET = "group:";

    private final IdentityStore store;
    private final DeviceCertificates certificates;
    private final Clock clock;
    private final IdentityChanges changes;
    private volatile Predicate<String> dynamicGroup = group -> false;

    Policies(IdentityStore store, DeviceCertificates certificates, Clock clock, IdentityChanges changes) {
        this.store = store;
        this.certificates = certificates;
        this.clock = clock;
        this.changes = changes;
    }

    PolicyRecord create(String name, String document) throws IdentityException {
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
        changes.changed();
        return store.findPolicy(name).orElseThrow();
    }

    int createVersion(String name, String document, boolean setAsDefault) throws IdentityException {
        require(name);
        if (store.policyVersions(name).size() >= MAX_POLICY_VERSIONS) {
            throw new IdentityException(
                    IdentityException.VERSIONS_LIMIT,
                    "policy " + name + " has " + MAX_POLICY_VERSIONS + " versions; delete one first");
        }
        checkDocument(name, document);
        int version = store.addPolicyVersion(name, document, setAsDefault, clock.instant());
        changes.changed();
        return version;
    }

    void setDefaultVersion(String name, int version) throws IdentityException {
        require(name);
        if (!store.policyVersions(name).contains(version)) {
            throw new IdentityException(IdentityException.NOT_FOUND, "policy " + name + " has no version " + version);
        }
        store.setDefaultPolicyVersion(name, version);
        changes.changed();
    }

    void deleteVersion(String name, int version) throws IdentityException {
        PolicyRecord policy = store.findPolicy(name)
                .orElseThrow(() -> new IdentityException(IdentityException.NOT_FOUND, "no policy named " + name));
        if (policy.defaultVersion() == version) {
            throw new IdentityException(
                    IdentityException.DELETE_CONFLICT, "version " + version + " of " + name + " is the default");
        }
        store.deletePolicyVersion(name, version);
        changes.changed();
    }

    List<Integer> versions(String name) {
        return store.policyVersions(name);
    }

    Optional<PolicyRecord> policy(String name) {
        return store.findPolicy(name);
    }

    List<PolicyRecord> policies() {
        return store.policies();
    }

    // --- attachments

    void attachToCertificate(String policyName, String certificateId) throws IdentityException {
        require(policyName);
        certificates.require(certificateId);
        store.attachPolicy(policyName, certificateId);
        changes.changed();
    }

    void detachFromCertificate(String policyName, String certificateId) throws IdentityException {
        require(policyName);
        store.detachPolicy(policyName, certificateId);
        changes.changed();
    }

    /** The certificates and groups a policy is attached to, as they are stored. */
    List<String> targets(String policyName) {
        return store.targetsOf(policyName);
    }

    List<PolicyRecord> ofCertificate(String certificateId) {
        return store.policiesAttachedTo(certificateId);
    }

    /** Which thing groups are dynamic (the registry knows): AWS refuses policies on them. */
    void refuseOnDynamicGroups(Predicate<String> isDynamicGroup) {
        this.dynamicGroup = isDynamicGroup;
    }

    void attachToGroup(String policyName, String groupName) throws IdentityException {
        if (dynamicGroup.test(groupName)) {
            throw new IdentityException(
                    IdentityException.INVALID_REQUEST,
                    "policies cannot be attached to dynamic thing group " + groupName
                            + "; attach them to a static group or to the devices' certificates");
        }
        require(policyName);
        store.attachPolicy(policyName, GROUP_TARGET + groupName);
        changes.changed();
    }

    void detachFromGroup(String policyName, String groupName) throws IdentityException {
        require(policyName);
        store.detachPolicy(policyName, GROUP_TARGET + groupName);
        changes.changed();
    }

    /** The policies attached to a static thing group itself (not those of its ancestors). */
    List<PolicyRecord> ofGroup(String groupName) {
        return store.policiesAttachedTo(GROUP_TARGET + groupName);
    }

    /**
     * Something in the registry changed (membership, groups): decisions must be made again. A group's policies follow
     * it when the console renames it and go when it is deleted, as a re-created AWS group would have none.
     */
    void registryChanged(FleetEvent event) {
        if (event instanceof GroupChanged group) {
            String newName = group.newName();
            if (group.change() == Change.RENAMED && newName != null) {
                store.moveAttachments(GROUP_TARGET + group.group(), GROUP_TARGET + newName);
            } else if (group.change() == Change.DELETED) {
                store.detachAll(GROUP_TARGET + group.group());
            }
        }
        changes.changed();
    }

    private static void checkDocument(String name, String document) throws IdentityException {
        try {
            PolicyParser.parse(document);
        } catch (PolicyDocumentException e) {
            throw new IdentityException(IdentityException.MALFORMED_POLICY, "policy " + name + ", " + e.getMessage());
        }
    }

    private void require(String policyName) throws IdentityException {
        if (store.findPolicy(policyName).isEmpty()) {
            throw new IdentityException(IdentityException.NOT_FOUND, "no policy named " + policyName);
        }
    }
}
