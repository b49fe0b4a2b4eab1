package io.fleetdeck.fleet.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.broker.server.BrokerLimits;
import io.fleetdeck.broker.server.MessageBroker;
import io.fleetdeck.broker.server.MqttServer;
import io.fleetdeck.broker.tls.ServerIdentity;
import io.fleetdeck.fleet.identity.CertificateStatus;
import io.fleetdeck.fleet.identity.DeviceEnrollment;
import io.fleetdeck.fleet.identity.IdentityService;
import io.fleetdeck.fleet.identity.PolicyRecord;
import io.fleetdeck.fleet.pki.DeviceCertificateAuthority;
import io.fleetdeck.fleet.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
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
class ProvisioningByClaimTest {

    @TempDir
    Path folder;

    private Database database;
    private IdentityService identities;
    private MqttServer server;
    private FleetProvisioning provisioning;
    private volatile PreProvisioningHook hook = PreProvisioningHook.ALLOW_ALL;

    @BeforeEach
    void start() throws Exception {
        Clock clock = Clock.systemUTC();
        ServerIdentity serverIdentity =
                ServerIdentity.loadOrCreate(folder.resolve("pki"), folder.resolve("provisioning/root-ca.pem"), clock);
        database = Database.sqliteFile(folder.resolve("fleetdeck.db"));
        identities =
                IdentityService.open(database, DeviceCertificateAuthority.load(folder.resolve("pki"), clock), clock);
        new DeviceEnrollment(identities).ensureDefaults(folder.resolve("provisioning"));
        FleetProvisioning.ensureTemplate(
                database, clock, DeviceEnrollment.DEFAULT_TEMPLATE, FleetProvisioning.DEFAULT_TEMPLATE_BODY);
        MessageBroker broker = new MessageBroker(BrokerLimits.awsDefaults(), clock);
        server = MqttServer.start(
                broker,
                new MqttServer.Listeners(
                        "127.0.0.1",
                        0,
                        serverIdentity.mutualTlsContext(identities),
                        Optional.empty(),
                        1 << 20,
                        identities));
        provisioning = FleetProvisioning.start(broker, identities, database, clock, request -> hook.decide(request));
    }

    @AfterEach
    void stop() {
        provisioning.close();
        server.close();
        database.close();
    }

    private MqttClientConnection connect(String certificatePem, String privateKeyPem, String clientId)
            throws Exception {
        try (AwsIotMqttConnectionBuilder builder = AwsIotMqttConnectionBuilder.newMtlsBuilder(
                        certificatePem, privateKeyPem)
                .withCertificateAuthority(Files.readString(folder.resolve("provisioning/root-ca.pem")))
                .withEndpoint("localhost")
                .withPort(server.tlsAddress().getPort())
                .withClientId(clientId)
                .withCleanSession(true)) {
            MqttClientConnection connection = builder.build();
            connection.connect().get(20, TimeUnit.SECONDS);
            return connection;
        }
    }

    @Test
    void theSdkIdentityClientProvisionsADeviceThatThenConnectsWithItsOwnCertificate() throws Exception {
        String claimCert = Files.readString(folder.resolve("provisioning/claim.cert.pem"));
        String claimKey = Files.readString(folder.resolve("provisioning/claim.private.key"));
        CreateKeysAndCertificateResponse keys;
        RegisterThingResponse registered;
        try (MqttClientConnection claim = connect(claimCert, claimKey, "factory-line-3")) {
            IotIdentityClient identity = new IotIdentityClient(claim);
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
            identity.PublishCreateKeysAndCertificate(
                            new CreateKeysAndCertificateRequest(), QualityOfService.AT_LEAST_ONCE)
                    .get(10, TimeUnit.SECONDS);
            keys = created.get(10, TimeUnit.SECONDS);
            assertThat(keys.certificateId).matches("[0-9a-f]{64}");
            assertThat(identities.certificate(keys.certificateId).orElseThrow().status())
                    .isEqualTo(CertificateStatus.PENDING_ACTIVATION);

            RegisterThingSubscriptionRequest topics = new RegisterThingSubscriptionRequest();
            topics.templateName = "fleetdeck-default";
            CompletableFuture<RegisterThingResponse> thing = new CompletableFuture<>();
            identity.SubscribeToRegisterThingAccepted(topics, QualityOfService.AT_LEAST_ONCE, thing::complete)
                    .get(10, TimeUnit.SECONDS);
            identity.SubscribeToRegisterThingRejected(
                            topics,
                            QualityOfService.AT_LEAST_ONCE,
                            (ErrorResponse error) -> thing.completeExceptionally(
                                    new AssertionError(error.errorCode + ": " + error.errorMessage)))
                    .get(10, TimeUnit.SECONDS);
            RegisterThingRequest register = new RegisterThingRequest();
            register.templateName = "fleetdeck-default";
            register.certificateOwnershipToken = keys.certificateOwnershipToken;
            register.parameters = new java.util.HashMap<>(Map.of("SerialNumber", "SN-20261126-0042"));
            identity.PublishRegisterThing(register, QualityOfService.AT_LEAST_ONCE)
                    .get(10, TimeUnit.SECONDS);
            registered = thing.get(10, TimeUnit.SECONDS);
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
        String claimCert = Files.readString(folder.resolve("provisioning/claim.cert.pem"));
        String claimKey = Files.readString(folder.resolve("provisioning/claim.private.key"));
        try (MqttClientConnection claim = connect(claimCert, claimKey, "factory-line-5")) {
            IotIdentityClient identity = new IotIdentityClient(claim);
            CompletableFuture<CreateKeysAndCertificateResponse> created = new CompletableFuture<>();
            identity.SubscribeToCreateKeysAndCertificateAccepted(
                            new CreateKeysAndCertificateSubscriptionRequest(),
                            QualityOfService.AT_LEAST_ONCE,
                            created::complete)
                    .get(10, TimeUnit.SECONDS);
            identity.PublishCreateKeysAndCertificate(
                            new CreateKeysAndCertificateRequest(), QualityOfService.AT_LEAST_ONCE)
                    .get(10, TimeUnit.SECONDS);
            CreateKeysAndCertificateResponse keys = created.get(10, TimeUnit.SECONDS);
            RegisterThingSubscriptionRequest topics = new RegisterThingSubscriptionRequest();
            topics.templateName = "fleetdeck-default";
            CompletableFuture<ErrorResponse> rejected = new CompletableFuture<>();
            identity.SubscribeToRegisterThingRejected(topics, QualityOfService.AT_LEAST_ONCE, rejected::complete)
                    .get(10, TimeUnit.SECONDS);
            RegisterThingRequest register = new RegisterThingRequest();
            register.templateName = "fleetdeck-default";
            register.certificateOwnershipToken = keys.certificateOwnershipToken;
            register.parameters = new java.util.HashMap<>(Map.of("SerialNumber", "SN-REFUSED"));
            identity.PublishRegisterThing(register, QualityOfService.AT_LEAST_ONCE)
                    .get(10, TimeUnit.SECONDS);

            ErrorResponse error = rejected.get(10, TimeUnit.SECONDS);
            assertThat(error.statusCode).isEqualTo(403);
            assertThat(error.errorCode).isEqualTo("AccessDenied");
            assertThat(identities.thing("SN-REFUSED")).isEmpty();
            assertThat(identities.certificate(keys.certificateId).orElseThrow().status())
                    .isEqualTo(CertificateStatus.PENDING_ACTIVATION);
            claim.disconnect().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anUnknownOwnershipTokenIsRejectedWithTheErrorShapeTheSdkReads() throws Exception {
        String claimCert = Files.readString(folder.resolve("provisioning/claim.cert.pem"));
        String claimKey = Files.readString(folder.resolve("provisioning/claim.private.key"));
        try (MqttClientConnection claim = connect(claimCert, claimKey, "factory-line-4")) {
            IotIdentityClient identity = new IotIdentityClient(claim);
            RegisterThingSubscriptionRequest topics = new RegisterThingSubscriptionRequest();
            topics.templateName = "fleetdeck-default";
            CompletableFuture<ErrorResponse> rejected = new CompletableFuture<>();
            identity.SubscribeToRegisterThingRejected(topics, QualityOfService.AT_LEAST_ONCE, rejected::complete)
                    .get(10, TimeUnit.SECONDS);
            RegisterThingRequest register = new RegisterThingRequest();
            register.templateName = "fleetdeck-default";
            register.certificateOwnershipToken = "not-a-token";
            register.parameters = new java.util.HashMap<>(Map.of("SerialNumber", "SN-1"));
            identity.PublishRegisterThing(register, QualityOfService.AT_LEAST_ONCE)
                    .get(10, TimeUnit.SECONDS);

            ErrorResponse error = rejected.get(10, TimeUnit.SECONDS);
            assertThat(error.statusCode).isEqualTo(400);
            assertThat(error.errorCode).isEqualTo("InvalidCertificateOwnershipToken");
            assertThat(identities.thing("SN-1")).isEmpty();
            claim.disconnect().get(10, TimeUnit.SECONDS);
        }
    }
}
