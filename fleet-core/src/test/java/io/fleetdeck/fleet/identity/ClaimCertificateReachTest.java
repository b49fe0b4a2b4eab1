package io.fleetdeck.fleet.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.broker.tls.CaKeyType;
import io.fleetdeck.broker.tls.Pem;
import io.fleetdeck.fleet.identity.IdentityService.IssuedCertificate;
import io.fleetdeck.fleet.store.StoreKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claim certificate is shared by every device not yet provisioned: it must not be able to knock a registered
 * device off nor take its stored session; and no principal but the one that made a stored session resumes or wipes
 * it (issue 13, defect 2). Real TLS, the real identity registry on SQLite, Paho clients.
 */
class ClaimCertificateReachTest {

    @TempDir
    Path folder;

    private MutualTlsBroker running;
    private IssuedCertificate devB;
    private final List<MqttClient> clients = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        running = MutualTlsBroker.start(folder, StoreKind.SQLITE);
        DeviceEnrollment enrollment = new DeviceEnrollment(running.identities, running.registry);
        enrollment.ensureDefaults(folder.resolve("provisioning"));
        devB = enrollment.enrollDevice("devB", Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        for (MqttClient client : clients) {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1000);
            }
            client.close();
        }
        running.close();
    }

    @Test
    void theClaimCertificateCannotConnectAsARegisteredThingAndTheDeviceKeepsItsConnection() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        MqttClient device = client("devB", devB.certificate().pem(), devB.privateKeyPem());
        connect(device, false);
        device.subscribe("dt/devB/cmd", 1, (topic, message) -> received.add(new String(message.getPayload())));

        MqttClient intruder = client("devB", claimCertificate(), claimKey());
        assertThatThrownBy(() -> connect(intruder, false))
                .isInstanceOfSatisfying(
                        MqttException.class,
                        refused -> assertThat(refused.getReasonCode())
                                .isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));

        assertThat(device.isConnected()).isTrue();
        running.broker.publish("dt/devB/cmd", "reboot".getBytes(StandardCharsets.UTF_8), 1, false);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("reboot"));
    }

    @Test
    void theClaimCertificateStillConnectsAsAnUnregisteredClientIdToProvision() throws Exception {
        MqttClient provisioning = client("test-4f1c2a", claimCertificate(), claimKey());
        connect(provisioning, true);
        assertThat(provisioning.isConnected()).isTrue();
    }

    @Test
    void anotherPrincipalAllowedToUseTheClientIdGetsAFreshSessionAndTheOwnersQueuedMessageWaitsForTheOwner()
            throws Exception {
        // a service account whose policy lets it connect as any client id, as an operator might write one
        running.identities.createPolicy("tools-any-client", """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "iot:Connect", "Resource": "*"},
                  {"Effect": "Allow", "Action": ["iot:Subscribe", "iot:Receive"], "Resource": "*"}]}
                """);
        IssuedCertificate tool = running.identities.createKeysAndCertificate("tool", CaKeyType.EC_P256, true);
        running.identities.attachPolicy("tools-any-client", tool.certificate().id());

        MqttClient device = client("devB", devB.certificate().pem(), devB.privateKeyPem());
        connect(device, false);
        device.subscribe("dt/devB/cmd", 1);
        device.disconnect();
        running.broker.publish("dt/devB/cmd", "reboot".getBytes(StandardCharsets.UTF_8), 1, false);

        List<String> toolReceived = new CopyOnWriteArrayList<>();
        MqttClient other = client("devB", tool.certificate().pem(), tool.privateKeyPem());
        other.setCallback(new Received(toolReceived));
        assertThat(connect(other, false)).as("a session of its own, not devB's").isFalse();
        other.disconnect();
        MqttClient wiper = client("devB", tool.certificate().pem(), tool.privateKeyPem());
        connect(wiper, true);
        wiper.disconnect();

        List<String> received = new CopyOnWriteArrayList<>();
        MqttClient back = client("devB", devB.certificate().pem(), devB.privateKeyPem());
        back.setCallback(new Received(received));
        assertThat(connect(back, false)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("reboot"));
        assertThat(toolReceived).isEmpty();
    }

    @Test
    void aDataFolderWithTheOldClaimPolicyGetsTheNewOneAndAnOperatorsOwnIsLeftAlone() throws Exception {
        try (MutualTlsBroker older = MutualTlsBroker.start(folder.resolve("older"), StoreKind.SQLITE)) {
            older.identities.createPolicy(DeviceEnrollment.CLAIM_POLICY, """
                    {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Allow", "Action": "iot:Connect", "Resource": "*"},
                      {"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"],
                       "Resource": ["arn:aws:iot:*:*:topic/$aws/certificates/create/*",
                                    "arn:aws:iot:*:*:topic/$aws/certificates/create-from-csr/*",
                                    "arn:aws:iot:*:*:topic/$aws/provisioning-templates/fleetdeck-default/provision/*"]},
                      {"Effect": "Allow", "Action": "iot:Subscribe",
                       "Resource": ["arn:aws:iot:*:*:topicfilter/$aws/certificates/create/*",
                                    "arn:aws:iot:*:*:topicfilter/$aws/certificates/create-from-csr/*",
                                    "arn:aws:iot:*:*:topicfilter/$aws/provisioning-templates/fleetdeck-default/provision/*"]}
                    ]}""");
            new DeviceEnrollment(older.identities, older.registry).ensureDefaults(folder.resolve("older/provisioning"));
            assertThat(older.identities
                            .policy(DeviceEnrollment.CLAIM_POLICY)
                            .orElseThrow()
                            .document())
                    .contains("fleetdeck:ClientIdIsRegisteredThing");
        }
        try (MutualTlsBroker own = MutualTlsBroker.start(folder.resolve("own"), StoreKind.SQLITE)) {
            String operators = """
                    {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Allow", "Action": "iot:Connect", "Resource": "arn:aws:iot:*:*:client/claim-*"}]}""";
            own.identities.createPolicy(DeviceEnrollment.CLAIM_POLICY, operators);
            new DeviceEnrollment(own.identities, own.registry).ensureDefaults(folder.resolve("own/provisioning"));
            assertThat(own.identities
                            .policy(DeviceEnrollment.CLAIM_POLICY)
                            .orElseThrow()
                            .document())
                    .isEqualTo(operators);
        }
    }

    private MqttClient client(String clientId, String certificatePem, String keyPem) throws Exception {
        MqttClient client = new MqttClient("ssl://localhost:" + running.tlsPort(), clientId, new MemoryPersistence());
        clients.add(client);
        sockets.put(client, tls(certificatePem, keyPem));
        return client;
    }

    private final Map<MqttClient, SSLContext> sockets = new java.util.concurrent.ConcurrentHashMap<>();

    /** Connects; returns CONNACK's session-present flag. */
    private boolean connect(MqttClient client, boolean cleanSession) throws MqttException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(sockets.get(client).getSocketFactory());
        options.setCleanSession(cleanSession);
        options.setAutomaticReconnect(false);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setConnectionTimeout(10);
        return client.connectWithResult(options).getSessionPresent();
    }

    private String claimCertificate() throws Exception {
        return Files.readString(folder.resolve("provisioning/claim.cert.pem"));
    }

    private String claimKey() throws Exception {
        return Files.readString(folder.resolve("provisioning/claim.private.key"));
    }

    private SSLContext tls(String certificatePem, String keyPem) throws Exception {
        X509Certificate certificate = Pem.certificate(certificatePem);
        var key = Pem.privateKey(keyPem);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("device", key, new char[0], new X509Certificate[] {certificate});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", Pem.certificate(Files.readString(running.caFile())));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private record Received(List<String> payloads) implements org.eclipse.paho.client.mqttv3.MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {}

        @Override
        public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
            payloads.add(new String(message.getPayload(), StandardCharsets.UTF_8));
        }

        @Override
        public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {}
    }
}
