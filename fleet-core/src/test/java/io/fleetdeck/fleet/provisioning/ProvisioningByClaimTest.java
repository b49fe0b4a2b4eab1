package io.fleetdeck.fleet.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdeck.fleet.identity.CertificateStatus;
import io.fleetdeck.fleet.identity.DeviceEnrollment;
import io.fleetdeck.fleet.identity.IdentityService;
import io.fleetdeck.fleet.identity.MutualTlsBroker;
import io.fleetdeck.fleet.identity.PolicyRecord;
import io.fleetdeck.fleet.store.StoreKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.MqttMessage;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.iot.AwsIotMqttConnectionBuilder;
import software.amazon.awssdk.iot.iotidentity.IotIdentityClient;
import software.amazon.awssdk.iot.iotidentity.model.CreateKeysAndCertificateRequest;
import software.amazon.awssdk.iot.iotidentity.model.CreateKeysAndCertificateResponse;
import software.amazon.awssdk.iot.iotidentity.model.CreateKeysAndCertificateSubscriptionRequest;
import software.amazon.awssdk.iot.iotidentity.model.ErrorResponse;
import software.amazon.awssdk.iot.iotidentity.model.RegisterThingRequest;
import software.amazon.awssdk.iot.iotidentity.model.RegisterThingResponse;
import software.amazon.awssdk.iot.iotidentity.model.RegisterThingSubscriptionRequest;

/**
 * A device provisions itself by claim with AWS's own SDK (IotIdentityClient), unchanged, using only the data folder's
 * bundle — root-ca.pem, claim.cert.pem, claim.private.key — and the endpoint; then connects with its new certificate.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreKind.class)
class ProvisioningByClaimTest {

    private final StoreKind store;

    @TempDir
    Path folder;

    private MutualTlsBroker running;
    private IdentityService identities;
    private FleetProvisioning provisioning;
    private volatile PreProvisioningHook hook = PreProvisioningHook.ALLOW_ALL;

    ProvisioningByClaimTest(StoreKind store) {
        this.store = store.assumeAvailable();
    }

    @BeforeEach
    void start() throws Exception {
        Clock clock = Clock.systemUTC();
        running = MutualTlsBroker.start(folder, store);
        identities = running.identities;
        new DeviceEnrollment(identities, running.registry).ensureDefaults(folder.resolve("provisioning"));
        FleetProvisioning.ensureTemplate(
                running.database, clock, DeviceEnrollment.DEFAULT_TEMPLATE, FleetProvisioning.DEFAULT_TEMPLATE_BODY);
        provisioning = FleetProvisioning.start(
                running.broker, identities, running.registry, running.database, clock, request -> hook.decide(request));
    }

    @AfterEach
    void stop() {
        provisioning.close();
        running.close();
    }

    /** CreateKeysAndCertificate as the SDK does it: subscribe to both answers, publish, wait. */
    private static CreateKeysAndCertificateResponse createKeys(IotIdentityClient identity) throws Exception {
        CompletableFuture<CreateKeysAndCertificateResponse> created = new CompletableFuture<>();
        identity.SubscribeToCreateKeysAndCertificateAccepted(
                        new CreateKeysAndCertificateSubscriptionRequest(),
                        QualityOfService.AT_LEAST_ONCE,
                        created::complete)
                .get(10, TimeUnit.SECONDS);
        identity.SubscribeToCreateKeysAndCertificateRejected(
                        new CreateKeysAndCertificateSubscriptionRequest(),
                        QualityOfService.AT_LEAST_ONCE,
                        (ErrorResponse error) -> created.completeExceptionally(
                                new AssertionError(error.errorCode + ": " + error.errorMessage)))
                .get(10, TimeUnit.SECONDS);
        identity.PublishCreateKeysAndCertificate(new CreateKeysAndCertificateRequest(), QualityOfService.AT_LEAST_ONCE)
                .get(10, TimeUnit.SECONDS);
        return created.get(10, TimeUnit.SECONDS);
    }

    /** RegisterThing with the default template; completes with the accepted answer or the rejected error. */
    private static CompletableFuture<Object> registerThing(IotIdentityClient identity, String token, String serial)
            throws Exception {
        RegisterThingSubscriptionRequest topics = new RegisterThingSubscriptionRequest();
        topics.templateName = "fleetdeck-default";
        CompletableFuture<Object> answer = new CompletableFuture<>();
        identity.SubscribeToRegisterThingAccepted(topics, QualityOfService.AT_LEAST_ONCE, answer::complete)
                .get(10, TimeUnit.SECONDS);
        identity.SubscribeToRegisterThingRejected(topics, QualityOfService.AT_LEAST_ONCE, answer::complete)
                .get(10, TimeUnit.SECONDS);
        RegisterThingRequest register = new RegisterThingRequest();
        register.templateName = "fleetdeck-default";
        register.certificateOwnershipToken = token;
        register.parameters = new java.util.HashMap<>(Map.of("SerialNumber", serial));
        identity.PublishRegisterThing(register, QualityOfService.AT_LEAST_ONCE).get(10, TimeUnit.SECONDS);
        return answer;
    }

    private MqttClientConnection connect(String certificatePem, String privateKeyPem, String clientId)
            throws Exception {
        try (AwsIotMqttConnectionBuilder builder = AwsIotMqttConnectionBuilder.newMtlsBuilder(
                        certificatePem, privateKeyPem)
                .withCertificateAuthority(Files.readString(folder.resolve("provisioning/root-ca.pem")))
                .withEndpoint("localhost")
                .withPort(running.tlsPort())
                .withClientId(clientId)
                .withCleanSession(true)) {
            MqttClientConnection connection = builder.build();
            connection.connect().get(20, TimeUnit.SECONDS);
            return connection;
        }
    }

    @Test
    void theSdkIdentityClientProvisionsADeviceThatThenConnectsWithItsOwnCertificate() throws Exception {
        CreateKeysAndCertificateResponse keys;
        RegisterThingResponse registered;
        try (MqttClientConnection claim = connectWithClaim("factory-line-3")) {
            IotIdentityClient identity = new IotIdentityClient(claim);
            keys = createKeys(identity);
            assertThat(keys.certificateId).matches("[0-9a-f]{64}");
            assertThat(identities.certificate(keys.certificateId).orElseThrow().status())
                    .isEqualTo(CertificateStatus.PENDING_ACTIVATION);

            Object answer = registerThing(identity, keys.certificateOwnershipToken, "SN-20261126-0042")
                    .get(10, TimeUnit.SECONDS);
            assertThat(answer).isInstanceOf(RegisterThingResponse.class);
            registered = (RegisterThingResponse) answer;
            claim.disconnect().get(10, TimeUnit.SECONDS);
        }

        assertThat(registered.thingName).isEqualTo("SN-20261126-0042");
        assertThat(identities.certificate(keys.certificateId).orElseThrow().status())
                .isEqualTo(CertificateStatus.ACTIVE);
        assertThat(identities.thing("SN-20261126-0042").orElseThrow().attributes())
                .containsEntry("serial", "SN-20261126-0042");
        assertThat(identities.policiesOf(keys.certificateId))
                .extracting(PolicyRecord::name)
                .containsExactly(DeviceEnrollment.DEFAULT_DEVICE_POLICY);

        try (MqttClientConnection device = connect(keys.certificatePem, keys.privateKey, "SN-20261126-0042")) {
            device.publish(new software.amazon.awssdk.crt.mqtt.MqttMessage(
                            "dt/SN-20261126-0042/telemetry", new byte[] {1}, QualityOfService.AT_LEAST_ONCE, false))
                    .get(10, TimeUnit.SECONDS);
            device.disconnect().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void tvF03AHookThatRefusesLeavesNoThingAndTheCertificatePending() throws Exception {
        hook = request -> new PreProvisioningHook.Answer(false, Map.of());
        try (MqttClientConnection claim = connectWithClaim("factory-line-5")) {
            IotIdentityClient identity = new IotIdentityClient(claim);
            CreateKeysAndCertificateResponse keys = createKeys(identity);

            Object answer = registerThing(identity, keys.certificateOwnershipToken, "SN-REFUSED")
                    .get(10, TimeUnit.SECONDS);

            assertThat(answer).isInstanceOfSatisfying(ErrorResponse.class, error -> {
                assertThat(error.statusCode).isEqualTo(403);
                assertThat(error.errorCode).isEqualTo("AccessDenied");
            });
            assertThat(identities.thing("SN-REFUSED")).isEmpty();
            assertThat(identities.certificate(keys.certificateId).orElseThrow().status())
                    .isEqualTo(CertificateStatus.PENDING_ACTIVATION);
            claim.disconnect().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anUnknownOwnershipTokenIsRejectedWithTheErrorShapeTheSdkReads() throws Exception {
        try (MqttClientConnection claim = connectWithClaim("factory-line-4")) {
            Object answer = registerThing(new IotIdentityClient(claim), "not-a-token", "SN-1")
                    .get(10, TimeUnit.SECONDS);

            assertThat(answer).isInstanceOfSatisfying(ErrorResponse.class, error -> {
                assertThat(error.statusCode).isEqualTo(400);
                assertThat(error.errorCode).isEqualTo("InvalidCertificateOwnershipToken");
            });
            assertThat(identities.thing("SN-1")).isEmpty();
            claim.disconnect().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * A RegisterThing payload that plain Jackson reads but AWS would not (issue 13, defect 3) is refused as
     * InvalidPayload, with the reason, before its token is even looked at.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{\"certificateOwnershipToken\":\"a\",\"certificateOwnershipToken\":\"b\"}|the key \"certificateOwnershipToken\" appears twice",
                "{\"certificateOwnershipToken\":\"a\"} trailing|unexpected text after the end of the document",
                "{\"certificateOwnershipToken\":\"a\",\"parameters\":{\"SerialNumber\":1e999}}|the number 1e999 is too large",
                "{\"certificateOwnershipToken\":\"a\",\"parameters\":{\"SerialNumber\":\"\\ud800\"}}|a string holds the lone surrogate",
            })
    void aPayloadThatAwsWouldNotReadIsInvalidPayload(String payloadAndReason) throws Exception {
        String[] parts = payloadAndReason.split("\\|");
        String topic = "$aws/provisioning-templates/fleetdeck-default/provision/json";
        CompletableFuture<String> rejected = new CompletableFuture<>();
        try (MqttClientConnection claim = connectWithClaim("factory-line-6")) {
            claim.subscribe(
                            topic + "/rejected",
                            QualityOfService.AT_LEAST_ONCE,
                            message -> rejected.complete(new String(message.getPayload(), StandardCharsets.UTF_8)))
                    .get(10, TimeUnit.SECONDS);
            claim.publish(new MqttMessage(
                            topic, parts[0].getBytes(StandardCharsets.UTF_8), QualityOfService.AT_LEAST_ONCE, false))
                    .get(10, TimeUnit.SECONDS);

            JsonNode error = new ObjectMapper().readTree(rejected.get(10, TimeUnit.SECONDS));
            assertThat(error.path("statusCode").asInt()).isEqualTo(400);
            assertThat(error.path("errorCode").asText()).isEqualTo("InvalidPayload");
            assertThat(error.path("errorMessage").asText()).contains(parts[1]);
            claim.disconnect().get(10, TimeUnit.SECONDS);
        }
    }

    /** Connected with only the data folder's claim bundle, as a device fresh from the factory. */
    private MqttClientConnection connectWithClaim(String clientId) throws Exception {
        return connect(
                Files.readString(folder.resolve("provisioning/claim.cert.pem")),
                Files.readString(folder.resolve("provisioning/claim.private.key")),
                clientId);
    }
}
