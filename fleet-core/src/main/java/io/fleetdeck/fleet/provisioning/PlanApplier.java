package io.fleetdeck.fleet.provisioning;

import io.fleetdeck.fleet.identity.CertificateStatus;
import io.fleetdeck.fleet.identity.IdentityException;
import io.fleetdeck.fleet.identity.IdentityService;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.registry.RegistryException;
import io.fleetdeck.fleet.registry.Thing;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Carries out a worked-out plan: the thing (created, or its attributes merged or replaced as the template's override
 * says), the certificate attached to it and to the policies, and the certificate's status last, so a device can only
 * connect once everything it needs is in place.
 */
final class PlanApplier {

    private final IdentityService identities;
    private final Registry registry;

    PlanApplier(IdentityService identities, Registry registry) {
        this.identities = identities;
        this.registry = registry;
    }

    void apply(ProvisioningPlan plan, String certificateId, String templateName)
            throws IdentityException, ProvisioningException {
        for (String policy : plan.policyNames()) {
            if (identities.policy(policy).isEmpty()) {
                throw new ProvisioningException(
                        400, "ResourceNotFound", "the template names policy " + policy + ", which does not exist");
            }
        }
        String thingName = plan.thingName();
        if (thingName != null) {
            putThing(thingName, plan);
            identities.attachThingPrincipal(thingName, certificateId);
        }
        for (String policy : plan.policyNames()) {
            identities.attachPolicy(policy, certificateId);
        }
        for (Map.Entry<String, String> document : plan.policyDocuments().entrySet()) {
            String name = templateName + "-" + document.getKey() + "-" + certificateId.substring(0, 12);
            identities.createPolicy(name, document.getValue());
            identities.attachPolicy(name, certificateId);
        }
        identities.updateCertificate(certificateId, CertificateStatus.valueOf(plan.certificateStatus()));
    }

    private void putThing(String thingName, ProvisioningPlan plan) throws ProvisioningException {
        try {
            putThingInRegistry(thingName, plan);
        } catch (RegistryException e) {
            throw new ProvisioningException(400, "InvalidRequest", "the thing cannot be put: " + e.getMessage());
        }
    }

    private void putThingInRegistry(String thingName, ProvisioningPlan plan)
            throws RegistryException, ProvisioningException {
        Thing existing = registry.thing(thingName).orElse(null);
        if (existing == null) {
            registry.createThing(thingName, null, plan.thingAttributes());
            return;
        }
        switch (Objects.requireNonNullElse(plan.attributeOverride(), "")) {
            case "FAIL" ->
                throw new ProvisioningException(
                        409, "ResourceConflicts", "thing " + thingName + " exists and the template says FAIL");
            case "DO_NOTHING" -> {}
            case "MERGE" -> {
                Map<String, String> merged = new LinkedHashMap<>(existing.attributes());
                merged.putAll(plan.thingAttributes());
                registry.putThing(thingName, merged);
            }
            default -> registry.putThing(thingName, plan.thingAttributes());
        }
    }
}
