package io.fleetdeck.fleet.provisioning;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a template asks for once its parameters are filled in, worked out whole before anything is created, so a
 * template that fails creates nothing.
 *
 * @param thingName the thing to create or update, or null when the template has no thing
 * @param certificateStatus the status the provisioned certificate gets: ACTIVE (the default) or INACTIVE
 * @param policyNames existing policies to attach to the certificate
 * @param policyDocuments policies to create from the template, by the resource's logical name
 */
public record ProvisioningPlan(
        @Nullable String thingName,
        Map<String, String> thingAttributes,
        @Nullable String attributeOverride,
        List<String> thingGroups,
        String certificateStatus,
        List<String> policyNames,
        Map<String, String> policyDocuments,
        Map<String, String> deviceConfiguration) {

    public ProvisioningPlan {
        thingAttributes = Map.copyOf(thingAttributes);
        thingGroups = List.copyOf(thingGroups);
        policyNames = List.copyOf(policyNames);
        policyDocuments = Map.copyOf(policyDocuments);
        deviceConfiguration = Map.copyOf(deviceConfiguration);
    }
}
