package io.fleetdeck.fleet.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.broker.MqttChannel;
import io.fleetdeck.broker.PublishedMessage;
import io.fleetdeck.broker.json.StrictJson;
import io.fleetdeck.broker.json.StrictJsonException;
import io.fleetdeck.broker.tls.CaKeyType;
import io.fleetdeck.fleet.identity.CertificateRecord;
import io.fleetdeck.fleet.identity.CertificateStatus;
import io.fleetdeck.fleet.identity.IdentityException;
import io.fleetdeck.fleet.identity.IdentityService;
import io.fleetdeck.fleet.identity.IdentityService.IssuedCertificate;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.store.Database;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fleet provisioning by claim over MQTT, as AWS IoT's SDKs drive it (AWS-IOT-BEHAVIOUR §6.1): CreateKeysAndCertificate,
 * CreateCertificateFromCsr and RegisterThing on the reserved topics, answered on {@code .../accepted} or
 * {@code .../rejected} to the requesting client only (its new private key must reach no one else). Payloads are JSON;
 * a CBOR request is refused with a message saying so.
 */
public final class FleetProvisioning implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FleetProvisioning.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private final MqttChannel channel;
    private final IdentityService identities;
    private final Registry registry;
    private final TemplateStore templates;
    private final PreProvisioningHook hook;
    private final List<MqttChannel.Subscription> subscriptions;

    private FleetProvisioning(
            MqttChannel channel,
            IdentityService identities,
            Registry registry,
            TemplateStore templates,
            PreProvisioningHook hook) {
        this.channel = channel;
        this.identities = identities;
        this.registry = registry;
        this.templates = templates;
        this.hook = hook;
        this.subscriptions = List.of(
                channel.subscribe("$aws/certificates/create/+", this::onCreateKeysAndCertificate),
                channel.subscribe("$aws/certificates/create-from-csr/+", this::onCreateFromCsr),
                channel.subscribe("$aws/provisioning-templates/+/provision/+", this::onRegisterThing));
    }

    /** Starts answering provisioning requests on {@code channel}. */
    public static FleetProvisioning start(
            MqttChannel channel,
            IdentityService identities,
            Registry registry,
            Database database,
            Clock clock,
            PreProvisioningHook hook) {
        return new FleetProvisioning(channel, identities, registry, new TemplateStore(database, clock), hook);
    }

    /** Creates or replaces a template, checked first: a broken one is refused and the old one kept. */
    public static void putTemplate(Database database, Clock clock, String name, String body)
            throws ProvisioningException {
        ProvisioningTemplate.parse(body);
        new TemplateStore(database, clock).put(name, body);
    }

    /** Adds the template when no template of that name exists; one an operator has changed is kept. */
    public static void ensureTemplate(Database database, Clock clock, String name, String body)
            throws ProvisioningException {
        TemplateStore store = new TemplateStore(database, clock);
        if (store.find(name).isEmpty()) {
            ProvisioningTemplate.parse(body);
            store.put(name, body);
        }
    }

    /**
     * {@code fleetdeck-default}: a thing named after the SerialNumber parameter, with that serial as an attribute, the
     * certificate ACTIVE and the default device policy attached.
     */
    public static final String DEFAULT_TEMPLATE_BODY = """
            {
              "Parameters": {
                "SerialNumber": {"Type": "String"},
                "AWS::IoT::Certificate::Id": {"Type": "String"}
              },
              "Resources": {
                "thing": {
                  "Type": "AWS::IoT::Thing",
                  "Properties": {
                    "ThingName": {"Ref": "SerialNumber"},
                    "AttributePayload": {"serial": {"Ref": "SerialNumber"}}
                  },
                  "OverrideSettings": {"AttributePayload": "MERGE"}
                },
                "certificate": {
                  "Type": "AWS::IoT::Certificate",
                  "Properties": {"CertificateId": {"Ref": "AWS::IoT::Certificate::Id"}, "Status": "ACTIVE"}
                },
                "policy": {
                  "Type": "AWS::IoT::Policy",
                  "Properties": {"PolicyName": "fleetdeck-device-default"}
                }
              },
              "DeviceConfiguration": {}
            }
            """;

    private void onCreateKeysAndCertificate(PublishedMessage request) {
        respond(request, () -> {
            IssuedCertificate issued = identities.createKeysAndCertificate(
                    "provisioned-by-" + request.senderClientId(),
                    CaKeyType.EC_P256,
                    CertificateStatus.PENDING_ACTIVATION);
            ObjectNode answer = JSON.createObjectNode();
            answer.put("certificateId", issued.certificate().id());
            answer.put("certificatePem", issued.certificate().pem());
            answer.put("privateKey", issued.privateKeyPem());
            answer.put("certificateOwnershipToken", ownershipToken(issued.certificate()));
            return answer;
        });
    }

    private void onCreateFromCsr(PublishedMessage request) {
        respond(request, () -> {
            String csr = body(request).path("certificateSigningRequest").asText(null);
            if (csr == null) {
                throw new ProvisioningException(400, "InvalidPayload", "certificateSigningRequest is missing");
            }
            CertificateRecord certificate;
            try {
                certificate = identities.createCertificateFromCsr(csr, CertificateStatus.PENDING_ACTIVATION);
            } catch (IdentityException e) {
                throw new ProvisioningException(400, "InvalidCSR", e.getMessage());
            }
            ObjectNode answer = JSON.createObjectNode();
            answer.put("certificateOwnershipToken", ownershipToken(certificate));
            answer.put("certificateId", certificate.id());
            answer.put("certificatePem", certificate.pem());
            return answer;
        });
    }

    private void onRegisterThing(PublishedMessage request) {
        respond(request, () -> {
            String templateName = request.topic().split("/")[2];
            JsonNode body = body(request);
            String token = body.path("certificateOwnershipToken").asText("");
            String certificateId = templates
                    .certificateOf(token)
                    .orElseThrow(() -> new ProvisioningException(
                            400,
                            "InvalidCertificateOwnershipToken",
                            "the certificate ownership token is unknown or" + " more than an hour old"));
            ProvisioningTemplate template = ProvisioningTemplate.parse(templates
                    .find(templateName)
                    .orElseThrow(() -> new ProvisioningException(
                            404, "ResourceNotFound", "no provisioning template named " + templateName)));
            Map<String, String> parameters = new LinkedHashMap<>();
            body.path("parameters")
                    .properties()
                    .forEach(p -> parameters.put(p.getKey(), p.getValue().asText()));
            askHook(templateName, certificateId, request.senderClientId(), parameters);
            ProvisioningPlan plan = template.plan(parameters, certificateId);
            new PlanApplier(identities, registry).apply(plan, certificateId, templateName);
            templates.spend(token);
            log.info(
                    "Provisioned {} with certificate {} by template {}", plan.thingName(), certificateId, templateName);
            ObjectNode answer = JSON.createObjectNode();
            answer.set("deviceConfiguration", JSON.valueToTree(plan.deviceConfiguration()));
            answer.put("thingName", plan.thingName());
            return answer;
        });
    }

    private void askHook(
            String template, String certificateId, @Nullable String clientId, Map<String, String> parameters)
            throws ProvisioningException {
        PreProvisioningHook.Answer answer;
        try {
            answer = hook.decide(new PreProvisioningHook.Request(null, certificateId, template, clientId, parameters));
        } catch (Exception e) {
            throw new ProvisioningException(403, "AccessDenied", "the pre-provisioning hook failed: " + e.getMessage());
        }
        if (answer == null || !answer.allowProvisioning()) {
            throw new ProvisioningException(403, "AccessDenied", "the pre-provisioning hook refused this device");
        }
        parameters.putAll(answer.parameterOverrides());
    }

    private String ownershipToken(CertificateRecord certificate) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        templates.issueToken(token, certificate.id(), TOKEN_LIFETIME.toMillis());
        return token;
    }

    private static JsonNode body(PublishedMessage request) throws ProvisioningException {
        if (request.payload().length == 0) {
            return JSON.createObjectNode();
        }
        JsonNode body;
        try {
            body = StrictJson.read(request.payload(), JSON::readTree);
        } catch (StrictJsonException e) {
            throw new ProvisioningException(400, "InvalidPayload", "the payload is not valid JSON: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            throw new ProvisioningException(400, "InvalidPayload", "the payload must be a JSON object");
        }
        return body;
    }

    private interface Answer {
        ObjectNode compute() throws ProvisioningException, GeneralSecurityException, IdentityException;
    }

    /** Answers on the request's topic + /accepted or /rejected, to the requesting client only. */
    private void respond(PublishedMessage request, Answer answer) {
        String client = request.senderClientId();
        if (client == null) {
            return; // a service's own publish: nobody to answer
        }
        String format = request.topic().substring(request.topic().lastIndexOf('/') + 1);
        ObjectNode reply;
        String outcome;
        try {
            if (!format.equals("json")) {
                throw new ProvisioningException(400, "InvalidPayload", "only the json payload format is supported");
            }
            reply = answer.compute();
            outcome = "/accepted";
        } catch (ProvisioningException e) {
            reply = error(e.statusCode(), e.errorCode(), e.getMessage());
            outcome = "/rejected";
        } catch (IdentityException e) {
            reply = error(400, e.code(), e.getMessage());
            outcome = "/rejected";
        } catch (GeneralSecurityException | RuntimeException e) {
            log.error("Provisioning request on {} from {} failed", request.topic(), client, e);
            reply = error(500, "InternalFailure", "the request failed inside the service: " + e.getMessage());
            outcome = "/rejected";
        }
        if (outcome.equals("/rejected")) {
            log.info("Provisioning request on {} from {} rejected: {}", request.topic(), client, reply);
        }
        channel.publishTo(
                client,
                request.topic() + outcome,
                reply.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                1);
    }

    private static ObjectNode error(int status, String code, @Nullable String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("statusCode", status);
        error.put("errorCode", code);
        error.put("errorMessage", message);
        return error;
    }

    @Override
    public void close() {
        subscriptions.forEach(MqttChannel.Subscription::close);
    }
}
