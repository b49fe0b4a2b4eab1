package io.fleetdeck.fleet.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdeck.fleet.identity.DeviceEnrollment;
import io.fleetdeck.fleet.identity.IdentityService.IssuedCertificate;
import io.fleetdeck.fleet.identity.MutualTlsBroker;
import io.fleetdeck.fleet.store.StoreKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.crt.iot.MqttRequestResponseClientOptions;
import software.amazon.awssdk.crt.mqtt5.Mqtt5Client;
import software.amazon.awssdk.crt.mqtt5.Mqtt5ClientOptions;
import software.amazon.awssdk.crt.mqtt5.OnAttemptingConnectReturn;
import software.amazon.awssdk.crt.mqtt5.OnConnectionFailureReturn;
import software.amazon.awssdk.crt.mqtt5.OnConnectionSuccessReturn;
import software.amazon.awssdk.crt.mqtt5.OnDisconnectionReturn;
import software.amazon.awssdk.crt.mqtt5.OnStoppedReturn;
import software.amazon.awssdk.crt.mqtt5.packets.ConnectPacket;
import software.amazon.awssdk.iot.AwsIotMqtt5ClientBuilder;
import software.amazon.awssdk.iot.iotshadow.IotShadowV2Client;
import software.amazon.awssdk.iot.iotshadow.model.DeleteNamedShadowRequest;
import software.amazon.awssdk.iot.iotshadow.model.GetNamedShadowRequest;
import software.amazon.awssdk.iot.iotshadow.model.ShadowState;
import software.amazon.awssdk.iot.iotshadow.model.UpdateNamedShadowRequest;
import software.amazon.awssdk.iot.iotshadow.model.V2ErrorResponseException;

/**
 * AWS's request/response shadow client over MQTT 5 ({@code IotShadowV2Client}), unchanged, on a named shadow: update,
 * get, delete, and the 404 for a shadow that is gone — over mutual TLS with the default device policy.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreKind.class)
class ShadowV2SdkTest {

    private final StoreKind store;

    @TempDir
    Path folder;

    ShadowV2SdkTest(StoreKind store) {
        this.store = store.assumeAvailable();
    }

    @Test
    void updateGetAndDeleteANamedShadowOverMqtt5() throws Exception {
        try (MutualTlsBroker running = MutualTlsBroker.start(folder, store);
                ShadowService shadows = ShadowService.start(running.broker, running.database, Clock.systemUTC(), 100)) {
            DeviceEnrollment enrollment = new DeviceEnrollment(running.identities, running.registry);
            enrollment.ensureDefaults(folder.resolve("provisioning"));
            IssuedCertificate device = enrollment.enrollDevice("gateway-2", Map.of());
            CompletableFuture<Void> connected = new CompletableFuture<>();
            try (AwsIotMqtt5ClientBuilder builder = AwsIotMqtt5ClientBuilder.newDirectMqttBuilderWithMtlsFromMemory(
                                    "localhost", device.certificate().pem(), device.privateKeyPem())
                            .withCertificateAuthority(Files.readString(running.caFile()))
                            .withPort((long) running.tlsPort())
                            .withConnectProperties(new ConnectPacket.ConnectPacketBuilder().withClientId("gateway-2"))
                            .withLifeCycleEvents(new Lifecycle(connected));
                    Mqtt5Client client = builder.build()) {
                client.start();
                connected.get(20, TimeUnit.SECONDS);
                try (IotShadowV2Client shadow = IotShadowV2Client.newFromMqtt5(
                        client,
                        MqttRequestResponseClientOptions.builder()
                                .withMaxRequestResponseSubscriptions(4)
                                .withMaxStreamingSubscriptions(2)
                                .withOperationTimeoutSeconds(10)
                                .build())) {
                    UpdateNamedShadowRequest update = new UpdateNamedShadowRequest();
                    update.thingName = "gateway-2";
                    update.shadowName = "network";
                    update.state = new ShadowState();
                    update.state.reported = new HashMap<>(Map.of("ssid", "plant-floor", "channel", 11));
                    assertThat(shadow.updateNamedShadow(update).get(10, TimeUnit.SECONDS).version)
                            .isEqualTo(1);

                    GetNamedShadowRequest get = new GetNamedShadowRequest();
                    get.thingName = "gateway-2";
                    get.shadowName = "network";
                    assertThat(shadow.getNamedShadow(get).get(10, TimeUnit.SECONDS).state.reported)
                            .containsEntry("ssid", "plant-floor");

                    DeleteNamedShadowRequest delete = new DeleteNamedShadowRequest();
                    delete.thingName = "gateway-2";
                    delete.shadowName = "network";
                    assertThat(shadow.deleteNamedShadow(delete).get(10, TimeUnit.SECONDS).version)
                            .isEqualTo(1);
                    assertThatThrownBy(() -> shadow.getNamedShadow(get).get(10, TimeUnit.SECONDS))
                            .isInstanceOf(ExecutionException.class)
                            .cause()
                            .isInstanceOfSatisfying(V2ErrorResponseException.class, error -> {
                                assertThat(error.getModeledError().code).isEqualTo(404);
                                assertThat(error.getModeledError().message)
                                        .isEqualTo("No shadow exists with name: 'network'");
                            });
                }
                client.stop();
            }
        }
    }

    private record Lifecycle(CompletableFuture<Void> connected) implements Mqtt5ClientOptions.LifecycleEvents {
        @Override
        public void onAttemptingConnect(Mqtt5Client client, OnAttemptingConnectReturn attempt) {}

        @Override
        public void onConnectionSuccess(Mqtt5Client client, OnConnectionSuccessReturn success) {
            connected.complete(null);
        }

        @Override
        public void onConnectionFailure(Mqtt5Client client, OnConnectionFailureReturn failure) {
            connected.completeExceptionally(new AssertionError("connection failed: " + failure.getErrorCode()));
        }

        @Override
        public void onDisconnection(Mqtt5Client client, OnDisconnectionReturn disconnection) {}

        @Override
        public void onStopped(Mqtt5Client client, OnStoppedReturn stopped) {}
    }
}
