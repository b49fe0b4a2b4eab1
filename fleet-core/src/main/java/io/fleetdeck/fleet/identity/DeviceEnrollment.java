package io.fleetdeck.fleet.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdeck.broker.tls.CaKeyType;
import io.fleetdeck.broker.tls.Pem;
import io.fleetdeck.broker.tls.PemFiles;
import io.fleetdeck.fleet.identity.IdentityService.IssuedCertificate;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.registry.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a data folder gives devices: the default device policy, the claim policy and claim certificate a device needs
 * to provision itself ({@code provisioning/claim.cert.pem}, {@code claim.private.key}, beside {@code root-ca.pem}),
 * and enrolment of a device with its own certificate and the default policy.
 */
public final class DeviceEnrollment {

    /** Connect as its own thing name; publish, subscribe and receive on its own shadow, jobs and telemetry topics. */
    public static final String DEFAULT_DEVICE_POLICY = "fleetdeck-device-default";

    public static final String CLAIM_POLICY = "fleetdeck-claim";
    public static final String DEFAULT_TEMPLATE = "fleetdeck-default";

    private static final Logger log = LoggerFactory.getLogger(DeviceEnrollment.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String DEVICE_POLICY_DOCUMENT = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow", "Action": "iot:Connect",
                 "Resource": "arn:aws:iot:*:*:client/${iot:Connection.Thing.ThingName}"},
                {"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"],
                 "Resource": ["arn:aws:iot:*:*:topic/$aws/things/${iot:Connection.Thing.ThingName}/*",
                              "arn:aws:iot:*:*:topic/dt/${iot:Connection.Thing.ThingName}/*"]},
                {"Effect": "Allow", "Action": "iot:Subscribe",
                 "Resource": ["arn:aws:iot:*:*:topicfilter/$aws/things/${iot:Connection.Thing.ThingName}/*",
                              "arn:aws:iot:*:*:topicfilter/dt/${iot:Connection.Thing.ThingName}/*"]}
              ]
            }
            """;

    /**
     * The claim certificate is shared by every device that has not provisioned yet, so it may connect only as a
     * client id that is not a registered thing's name: it cannot knock a device off nor take its session (issue 13).
     * AWS's typical claim policy allows any client id (AWS-IOT-BEHAVIOUR §6.1); no AWS condition key tells a
     * registered thing's name, hence Fleetdeck's own {@code fleetdeck:ClientIdIsRegisteredThing}. A device that
     * provisions again uses another client id than its thing name, as the AWS SDK samples do ({@code test-<uuid>}).
     */
    static final String CLAIM_POLICY_DOCUMENT = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow", "Action": "iot:Connect", "Resource": "*",
                 "Condition": {"Bool": {"fleetdeck:ClientIdIsRegisteredThing": "false"}}},
                {"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"],
                 "Resource": ["arn:aws:iot:*:*:topic/$aws/certificates/create/*",
                              "arn:aws:iot:*:*:topic/$aws/certificates/create-from-csr/*",
                              "arn:aws:iot:*:*:topic/$aws/provisioning-templates/fleetdeck-default/provision/*"]},
                {"Effect": "Allow", "Action": "iot:Subscribe",
                 "Resource": ["arn:aws:iot:*:*:topicfilter/$aws/certificates/create/*",
                              "arn:aws:iot:*:*:topicfilter/$aws/certificates/create-from-csr/*",
                              "arn:aws:iot:*:*:topicfilter/$aws/provisioning-templates/fleetdeck-default/provision/*"]}
              ]
            }
            """;

    /** The claim policy data folders got before issue 13: any client id, a registered thing's too. */
    private static final String CLAIM_POLICY_CONNECT_ANY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow", "Action": "iot:Connect", "Resource": "*"},
                {"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"],
                 "Resource": ["arn:aws:iot:*:*:topic/$aws/certificates/create/*",
                              "arn:aws:iot:*:*:topic/$aws/certificates/create-from-csr/*",
                              "arn:aws:iot:*:*:topic/$aws/provisioning-templates/fleetdeck-default/provision/*"]},
                {"Effect": "Allow", "Action": "iot:Subscribe",
                 "Resource": ["arn:aws:iot:*:*:topicfilter/$aws/certificates/create/*",
                              "arn:aws:iot:*:*:topicfilter/$aws/certificates/create-from-csr/*",
                              "arn:aws:iot:*:*:topicfilter/$aws/provisioning-templates/fleetdeck-default/provision/*"]}
              ]
            }
            """;

    private final IdentityService identities;
    private final Registry registry;

    public DeviceEnrollment(IdentityService identities, Registry registry) {
        this.identities = identities;
        this.registry = registry;
    }

    /** Creates what is missing of the default policies and the claim certificate files in {@code provisioning}. */
    public void ensureDefaults(Path provisioning) throws IOException, GeneralSecurityException, IdentityException {
        ensurePolicy(DEFAULT_DEVICE_POLICY, DEVICE_POLICY_DOCUMENT);
        ensurePolicy(CLAIM_POLICY, CLAIM_POLICY_DOCUMENT);
        upgradeClaimPolicy();
        Path certFile = provisioning.resolve("claim.cert.pem");
        Path keyFile = provisioning.resolve("claim.private.key");
        if (activeCertificateIn(certFile).isPresent() && Files.isRegularFile(keyFile)) {
            return;
        }
        IssuedCertificate claim = identities.createKeysAndCertificate("fleetdeck-claim", CaKeyType.EC_P256, true);
        identities.attachPolicy(CLAIM_POLICY, claim.certificate().id());
        PemFiles.replace(keyFile, claim.privateKeyPem(), true);
        PemFiles.replace(certFile, claim.certificate().pem(), false);
        log.debug(
                "Issued the claim certificate {} for fleet provisioning, in {}",
                claim.certificate().id(),
                provisioning);
    }

    /**
     * A thing with a fresh certificate attached to it and to the default device policy; the thing is created when
     * missing. The private key is in the result only.
     */
    public IssuedCertificate enrollDevice(String thingName, Map<String, String> attributes)
            throws GeneralSecurityException, IdentityException {
        if (registry.thing(thingName).isEmpty()) {
            try {
                registry.createThing(thingName, null, attributes);
            } catch (RegistryException e) {
                throw new IdentityException(IdentityException.INVALID_REQUEST, e.getMessage());
            }
        }
        IssuedCertificate issued = identities.createKeysAndCertificate(thingName, CaKeyType.EC_P256, true);
        identities.attachThingPrincipal(thingName, issued.certificate().id());
        identities.attachPolicy(DEFAULT_DEVICE_POLICY, issued.certificate().id());
        return issued;
    }

    /** The registry's record of the certificate in {@code file}, when it is there and ACTIVE. */
    public Optional<CertificateRecord> activeCertificateIn(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String id = Pem.certificateId(Pem.certificate(Files.readString(file)));
            return identities.certificate(id).filter(record -> record.status().canConnect());
        } catch (Pem.InvalidPemException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * A data folder made before issue 13 has the claim policy that connects as any client id: when it is still the
     * default text, its new version becomes the default; a claim policy an operator changed is left as it is.
     */
    private void upgradeClaimPolicy() throws IdentityException {
        Optional<PolicyRecord> claim = identities.policy(CLAIM_POLICY);
        if (claim.isPresent() && sameJson(claim.get().document(), CLAIM_POLICY_CONNECT_ANY)) {
            identities.createPolicyVersion(CLAIM_POLICY, CLAIM_POLICY_DOCUMENT, true);
            log.info("The claim policy {} now refuses client ids of registered things", CLAIM_POLICY);
        }
    }

    private static boolean sameJson(String a, String b) {
        try {
            return JSON.readTree(a).equals(JSON.readTree(b));
        } catch (JsonProcessingException unreadable) {
            return false;
        }
    }

    private void ensurePolicy(String name, String document) throws IdentityException {
        if (identities.policy(name).isEmpty()) {
            identities.createPolicy(name, document);
        }
    }
}
