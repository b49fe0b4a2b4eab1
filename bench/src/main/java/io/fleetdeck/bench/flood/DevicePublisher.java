package io.fleetdeck.bench.flood;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A real device over mutual TLS, with the files {@code fleetdeck device add NAME --out DIR} gives it: each round
 * connects afresh (what a device locked out would fail at), publishes one QoS 1 message on its own topic and waits for
 * PUBACK. The time of a round is what a device feels while the broker is flooded.
 */
final class DevicePublisher {

    /** What one round came to: its time in milliseconds, or the reason it failed. */
    record Round(double millis, String failure) {
        boolean served() {
            return failure == null;
        }
    }

    private final String uri;
    private final String thing;
    private final SSLSocketFactory tls;

    DevicePublisher(int mqttsPort, Path deviceFolder, String thing) throws Exception {
        this.uri = "ssl://localhost:" + mqttsPort;
        this.thing = thing;
        this.tls = socketFactory(
                deviceFolder.resolve("root-ca.pem"),
                deviceFolder.resolve(thing + ".cert.pem"),
                deviceFolder.resolve(thing + ".private.key"));
    }

    List<Round> rounds(int count, long pauseMillis) throws InterruptedException {
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rounds.add(round());
            Thread.sleep(pauseMillis);
        }
        return rounds;
    }

    Round round() {
        long start = System.nanoTime();
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(tls);
        options.setConnectionTimeout(15);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        try (MqttClient device = new MqttClient(uri, thing, new MemoryPersistence())) {
            device.setTimeToWait(15_000);
            device.connect(options);
            device.publish("dt/" + thing + "/flood", "{\"ok\":true}".getBytes(StandardCharsets.UTF_8), 1, false);
            device.disconnect();
            return new Round((System.nanoTime() - start) / 1e6, null);
        } catch (MqttException failed) {
            return new Round((System.nanoTime() - start) / 1e6, failed.getMessage());
        }
    }

    private static SSLSocketFactory socketFactory(Path caFile, Path certFile, Path keyFile) throws Exception {
        CertificateFactory certificates = CertificateFactory.getInstance("X.509");
        X509Certificate certificate;
        X509Certificate ca;
        try (var certIn = Files.newInputStream(certFile);
                var caIn = Files.newInputStream(caFile)) {
            certificate = (X509Certificate) certificates.generateCertificate(certIn);
            ca = (X509Certificate) certificates.generateCertificate(caIn);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("device", privateKey(keyFile), new char[0], new X509Certificate[] {certificate});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", ca);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    private static PrivateKey privateKey(Path keyFile) throws Exception {
        String base64 =
                Files.readString(keyFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
        try {
            return KeyFactory.getInstance("EC").generatePrivate(spec);
        } catch (InvalidKeySpecException notEc) {
            return KeyFactory.getInstance("RSA").generatePrivate(spec);
        }
    }
}
