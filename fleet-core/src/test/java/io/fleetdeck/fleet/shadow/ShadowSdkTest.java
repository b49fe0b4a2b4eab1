package io.fleetdeck.fleet.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.fleet.identity.DeviceEnrollment;
import io.fleetdeck.fleet.identity.IdentityService.IssuedCertificate;
import io.fleetdeck.fleet.identity.MutualTlsBroker;
import io.fleetdeck.fleet.store.StoreKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.iot.AwsIotMqttConnectionBuilder;
import software.amazon.awssdk.iot.iotshadow.IotShadowClient;
import software.amazon.awssdk.iot.iotshadow.model.GetShadowRequest;
import software.amazon.awssdk.iot.iotshadow.model.GetShadowResponse;
import software.amazon.awssdk.iot.iotshadow.model.GetShadowSubscriptionRequest;
import software.amazon.awssdk.iot.iotshadow.model.ShadowDeltaUpdatedEvent;
import software.amazon.awssdk.iot.iotshadow.model.ShadowDeltaUpdatedSubscriptionRequest;
import software.amazon.awssdk.iot.iotshadow.model.ShadowState;
import software.amazon.awssdk.iot.iotshadow.model.UpdateShadowRequest;
import software.amazon.awssdk.iot.iotshadow.model.UpdateShadowResponse;
import software.amazon.awssdk.iot.iotshadow.model.UpdateShadowSubscriptionRequest;

/**
 * A device written with AWS's IoT Device SDK v2, unchanged, keeps its classic shadow through the service: it hears the
 * operator's desired state as a delta, reports, and reads back a document without delta — over mutual TLS with the
 * default device policy.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreKind.class)
class ShadowSdkTest {

    private final StoreKind store;

    @TempDir
    Path folder;

    ShadowSdkTest(StoreKind store) {
        this.store = store.assumeAvailable();
    }

    @Test
    void aDeviceFollowsTheDesiredStateItIsSentAsADelta() throws Exception {
        try (MutualTlsBroker running = MutualTlsBroker.start(folder, store);
                ShadowService shadows = ShadowService.start(running.broker, running.database, Clock.systemUTC(), 100)) {
            DeviceEnrollment enrollment = new DeviceEnrollment(running.identities, running.registry);
            enrollment.ensureDefaults(folder.resolve("provisioning"));
            IssuedCertificate device = enrollment.enrollDevice("thermostat-4", Map.of());
            try (AwsIotMqttConnectionBuilder builder = AwsIotMqttConnectionBuilder.newMtlsBuilder(
                                    device.certificate().pem(), device.privateKeyPem())
                            .withCertificateAuthority(Files.readString(running.caFile()))
                            .withEndpoint("localhost")
                            .withPort(running.tlsPort())
                            .withClientId("thermostat-4")
                            .withCleanSession(true);
                    MqttClientConnection connection = builder.build()) {
                connection.connect().get(20, TimeUnit.SECONDS);
                IotShadowClient shadow = new IotShadowClient(connection);
                CompletableFuture<ShadowDeltaUpdatedEvent> delta = new CompletableFuture<>();
                ShadowDeltaUpdatedSubscriptionRequest deltas = new ShadowDeltaUpdatedSubscriptionRequest();
                deltas.thingName = "thermostat-4";
                shadow.SubscribeToShadowDeltaUpdatedEvents(deltas, QualityOfService.AT_LEAST_ONCE, delta::complete)
                        .get(10, TimeUnit.SECONDS);

                // the operator sets the desired temperature; the device hears it as a delta
                running.broker.publish(
                        "$aws/things/thermostat-4/shadow/update",
                        "{\"state\":{\"desired\":{\"setpoint\":21.5}}}".getBytes(StandardCharsets.UTF_8),
                        1,
                        false);
                ShadowDeltaUpdatedEvent heard = delta.get(10, TimeUnit.SECONDS);
                assertThat(heard.state).containsEntry("setpoint", 21.5);
                assertThat(heard.version).isEqualTo(1);

                CompletableFuture<UpdateShadowResponse> accepted = new CompletableFuture<>();
                UpdateShadowSubscriptionRequest updates = new UpdateShadowSubscriptionRequest();
                updates.thingName = "thermostat-4";
                shadow.SubscribeToUpdateShadowAccepted(updates, QualityOfService.AT_LEAST_ONCE, accepted::complete)
                        .get(10, TimeUnit.SECONDS);
                UpdateShadowRequest report = new UpdateShadowRequest();
                report.thingName = "thermostat-4";
                report.state = new ShadowState();
                report.state.reported = new java.util.HashMap<>(Map.of("setpoint", 21.5));
                shadow.PublishUpdateShadow(report, QualityOfService.AT_LEAST_ONCE)
                        .get(10, TimeUnit.SECONDS);
                assertThat(accepted.get(10, TimeUnit.SECONDS).version).isEqualTo(2);

                CompletableFuture<GetShadowResponse> document = new CompletableFuture<>();
                GetShadowSubscriptionRequest gets = new GetShadowSubscriptionRequest();
                gets.thingName = "thermostat-4";
                shadow.SubscribeToGetShadowAccepted(gets, QualityOfService.AT_LEAST_ONCE, document::complete)
                        .get(10, TimeUnit.SECONDS);
                GetShadowRequest get = new GetShadowRequest();
                get.thingName = "thermostat-4";
                shadow.PublishGetShadow(get, QualityOfService.AT_LEAST_ONCE).get(10, TimeUnit.SECONDS);
                GetShadowResponse current = document.get(10, TimeUnit.SECONDS);
                assertThat(current.version).isEqualTo(2);
                assertThat(current.state.reported).containsEntry("setpoint", 21.5);
                assertThat(current.state.delta).isNullOrEmpty();
                connection.disconnect().get(10, TimeUnit.SECONDS);
            }
        }
    }
}
