package io.fleetdeck.fleet.provisioning;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The pre-provisioning hook (AWS-IOT-BEHAVIOUR §6.3): asked before any resource is created whether a device may be
 * provisioned, and which parameters to override. Anything but an explicit allow refuses it.
 */
public interface PreProvisioningHook {

    PreProvisioningHook ALLOW_ALL = request -> new Answer(true, Map.of());

    Answer decide(Request request) throws Exception;

    record Request(
            @Nullable String claimCertificateId,
            String certificateId,
            String templateName,
            @Nullable String clientId,
            Map<String, String> parameters) {}

    record Answer(boolean allowProvisioning, Map<String, String> parameterOverrides) {}
}
