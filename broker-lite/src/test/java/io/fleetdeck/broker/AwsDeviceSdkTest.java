package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.broker.tls.Pem;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.MqttMessage;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.iot.AwsIotMqttConnectionBuilder;
import software.amazon.awssdk.iot.iotshadow.IotShadowClient;
import software.amazon.awssdk.iot.iotshadow.model.GetShadowRequest;
import software.amazon.awssdk.iot.iotshadow.model.GetShadowResponse;
import software.amazon.awssdk.iot.iotshadow.model.GetShadowSubscriptionRequest;

/**
 * AWS's own IoT Device SDK for Java v2, unchanged, against the broker over mutual TLS: what a device written for AWS
 * IoT Core does first. Its client certificate is a throwaway made here; checking it comes with device identities.
 */
class AwsDeviceSdkTest {

    @TempDir
    Path folder;

    @Test
    void theSdkConnectsPublishesSubscribesAndGetsItsShadowThroughAServiceOnTheChannel() throws Exception {
        try (RunningBroker broker = RunningBroker.start(folder);
                MqttChannel.Subscription shadowService =
                        broker.broker.subscribe("$aws/things/+/shadow/get", request -> {
                            String thing = request.topic().split("/")[2];
                            broker.broker.publish(
                                    "$aws/things/" + thing + "/shadow/get/accepted",
                                    ("{\"state\":{\"reported\":{\"firmware\":\"2.4.1\"}},\"metadata\":{},"
                                                    + "\"version\":7,\"timestamp\":1764147600}")
                                            .getBytes(StandardCharsets.UTF_8),
                                    1,
                                    false);
                        })) {
            String[] device = throwawayDeviceCertificate("sdk-thing-1");
            AwsIotMqttConnectionBuilder builder = AwsIotMqttConnectionBuilder.newMtlsBuilder(device[0], device[1])
                    .withCertificateAuthority(Files.readString(broker.caFile))
                    .withEndpoint("localhost")
                    .withPort(broker.tlsPort())
                    .withClientId("sdk-thing-1")
                    .withCleanSession(true)
                    .withKeepAliveSecs(30);
            try (builder;
                    MqttClientConnection connection = builder.build()) {
                assertThat(connection.connect().get(20, TimeUnit.SECONDS))
                        .as("session present")
                        .isFalse();

                CompletableFuture<String> echoed = new CompletableFuture<>();
                connection
                        .subscribe(
                                "devices/sdk-thing-1/echo",
                                QualityOfService.AT_LEAST_ONCE,
                                message -> echoed.complete(new String(message.getPayload(), StandardCharsets.UTF_8)))
                        .get(10, TimeUnit.SECONDS);
                connection
                        .publish(new MqttMessage(
                                "devices/sdk-thing-1/echo",
                                "hello".getBytes(StandardCharsets.UTF_8),
                                QualityOfService.AT_LEAST_ONCE,
                                false))
                        .get(10, TimeUnit.SECONDS);
                assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo("hello");

                IotShadowClient shadow = new IotShadowClient(connection);
                CompletableFuture<GetShadowResponse> answer = new CompletableFuture<>();
                GetShadowSubscriptionRequest subscription = new GetShadowSubscriptionRequest();
                subscription.thingName = "sdk-thing-1";
                shadow.SubscribeToGetShadowAccepted(subscription, QualityOfService.AT_LEAST_ONCE, answer::complete)
                        .get(10, TimeUnit.SECONDS);
                GetShadowRequest get = new GetShadowRequest();
                get.thingName = "sdk-thing-1";
                shadow.PublishGetShadow(get, QualityOfService.AT_LEAST_ONCE).get(10, TimeUnit.SECONDS);

                GetShadowResponse response = answer.get(10, TimeUnit.SECONDS);
                assertThat(response.version).isEqualTo(7);
                assertThat(response.state.reported).containsEntry("firmware", "2.4.1");

                connection.disconnect().get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** A self-signed ECDSA P-256 certificate and its PKCS#8 key, as PEM text. */
    private static String[] throwawayDeviceCertificate(String thing) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=" + thing);
        Instant now = Instant.now();
        var holder = new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.valueOf(now.toEpochMilli()),
                        Date.from(now.minus(Duration.ofHours(1))),
                        Date.from(now.plus(Duration.ofDays(1))),
                        name,
                        pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
        return new String[] {Pem.of(certificate), Pem.of(pair.getPrivate())};
    }
}
