package io.fleetdeck.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A device provisioning itself as AWS IoT's fleet provisioning by claim expects (AWS-IOT-BEHAVIOUR §6.1): with the
 * claim certificate it asks for keys and a certificate, registers itself as a thing named after its serial number
 * through the template, and comes away with its own identity. Plain MQTT over the wire, like device firmware.
 */
final class ClaimProvisioner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 30;

    private ClaimProvisioner() {}

    static DeviceIdentity provision(FleetEndpoint endpoint, ClaimBundle claim, String serialNumber) throws Exception {
        // the claim may not connect as a registered thing (DeviceEnrollment's claim policy), and the site may have
        // registered this device before it came: as the AWS SDK samples, it provisions under a client id of its own
        MqttAsyncClient client =
                new MqttAsyncClient(endpoint.uri(), "provision-" + serialNumber, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setSocketFactory(TrustedTls.forDevice(
                endpoint.caCertificate(), new DeviceIdentity(claim.certificatePem(), claim.privateKeyPem())));
        client.connect(options).waitForCompletion(TIMEOUT_SECONDS * 1000);
        try {
            JsonNode keys = request(client, "$aws/certificates/create/json", "{}");
            String register = "$aws/provisioning-templates/" + claim.templateName() + "/provision/json";
            String body = JSON.writeValueAsString(Map.of(
                    "certificateOwnershipToken",
                    keys.path("certificateOwnershipToken").asText(),
                    "parameters",
                    Map.of("SerialNumber", serialNumber)));
            JsonNode thing = request(client, register, body);
            if (!serialNumber.equals(thing.path("thingName").asText())) {
                throw new IllegalStateException(
                        "provisioned as " + thing.path("thingName").asText() + ", not " + serialNumber);
            }
            return new DeviceIdentity(
                    keys.path("certificatePem").asText(),
                    keys.path("privateKey").asText());
        } finally {
            client.disconnect().waitForCompletion(TIMEOUT_SECONDS * 1000);
            client.close();
        }
    }

    /** Subscribes to the answers first, as the flow requires, then publishes and waits for accepted or rejected. */
    private static JsonNode request(MqttAsyncClient client, String topic, String payload) throws Exception {
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        client.subscribe(topic + "/accepted", 1, (t, message) -> answer.complete(JSON.readTree(message.getPayload())))
                .waitForCompletion(TIMEOUT_SECONDS * 1000);
        client.subscribe(
                        topic + "/rejected",
                        1,
                        (t, message) -> answer.completeExceptionally(new IllegalStateException(
                                topic + " rejected: " + new String(message.getPayload(), StandardCharsets.UTF_8))))
                .waitForCompletion(TIMEOUT_SECONDS * 1000);
        client.publish(topic, new MqttMessage(payload.getBytes(StandardCharsets.UTF_8)))
                .waitForCompletion(TIMEOUT_SECONDS * 1000);
        try {
            return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            client.unsubscribe(new String[] {topic + "/accepted", topic + "/rejected"});
        }
    }
}
