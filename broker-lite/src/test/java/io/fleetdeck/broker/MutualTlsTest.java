package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS and policies on every packet, with Debian's Mosquitto clients presenting their own certificates: the
 * checks AWS IoT Core makes (AWS-IOT-BEHAVIOUR §5.1, §5.9).
 */
class MutualTlsTest {

    /** The default device policy: its own thing name, its own topics; and a monitor that may read all telemetry. */
    private static final String POLICY = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "iot:Connect",
               "Resource": "arn:aws:iot:*:*:client/${iot:Connection.Thing.ThingName}"},
              {"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"],
               "Resource": ["arn:aws:iot:*:*:topic/$aws/things/${iot:Connection.Thing.ThingName}/*",
                            "arn:aws:iot:*:*:topic/dt/${iot:Connection.Thing.ThingName}/*"]},
              {"Effect": "Allow", "Action": "iot:Subscribe",
               "Resource": ["arn:aws:iot:*:*:topicfilter/$aws/things/${iot:Connection.Thing.ThingName}/*",
                            "arn:aws:iot:*:*:topicfilter/dt/${iot:Connection.Thing.ThingName}/*"]},
              {"Effect": "Allow", "Action": ["iot:Subscribe", "iot:Receive"],
               "Resource": ["arn:aws:iot:*:*:topicfilter/dt/*", "arn:aws:iot:*:*:topic/dt/*"],
               "Condition": {"StringEquals": {"iot:Connection.Thing.ThingName": "monitor"}}}
            ]}
            """;

    @TempDir
    static Path folder;

    private static final MapAuthority authority = new MapAuthority();
    private static RunningBroker broker;
    private static TestPki.Issued pump1;
    private static TestPki.Issued pump2;
    private static TestPki.Issued monitor;
    private static TestPki.Issued stranger;

    @BeforeAll
    static void start() throws Exception {
        TestPki.Issued ca = TestPki.ca(folder, "plant-ca");
        TestPki.Issued foreignCa = TestPki.ca(folder, "foreign-ca");
        authority.trust(ca.certificate());
        authority.policy(POLICY);
        pump1 = TestPki.device(folder, ca, "pump-1");
        pump2 = TestPki.device(folder, ca, "pump-2");
        monitor = TestPki.device(folder, ca, "monitor");
        stranger = TestPki.device(folder, foreignCa, "stranger");
        authority.register(pump1, "pump-1");
        authority.register(pump2, "pump-2");
        authority.register(monitor, "monitor");
        authority.register(stranger, "stranger");
        broker = RunningBroker.startWithAuthority(folder, authority);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static List<String> tls(TestPki.Issued identity, String clientId, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "-h",
                "localhost",
                "-p",
                Integer.toString(broker.tlsPort()),
                "--cafile",
                broker.caFile.toString(),
                "--cert",
                identity.certFile().toString(),
                "--key",
                identity.keyFile().toString(),
                "-i",
                clientId));
        args.addAll(List.of(more));
        return args;
    }

    private static Mosquitto.Subscriber watch(String filter) throws Exception {
        var watcher = Mosquitto.sub(
                tls(monitor, "monitor", "-d", "-V", "mqttv5", "-t", filter).toArray(String[]::new));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> watcher.lines().stream().anyMatch(line -> line.contains("SUBACK")));
        return watcher;
    }

    private static Mosquitto.Result publish(TestPki.Issued identity, String clientId, String... more) throws Exception {
        return Mosquitto.pub(tls(identity, clientId, more).toArray(String[]::new));
    }

    @Test
    void aDevicePublishesOnItsOwnTopicsAndTheMonitorReceives() throws Exception {
        try (var watcher = watch("dt/#")) {
            var sent = publish(pump1, "pump-1", "-q", "1", "-t", "dt/pump-1/temperature", "-m", "21.5");

            assertThat(sent.exitCode()).as(sent.output()).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.lines().contains("21.5"));
        }
    }

    @Test
    void anMqtt5PublishOnAnotherDevicesTopicGetsReason135AndGoesNowhere() throws Exception {
        try (var watcher = watch("dt/#")) {
            var sent = publish(
                    pump1, "pump-1", "-d", "-V", "mqttv5", "-q", "1", "-t", "dt/pump-2/temperature", "-m", "spoof");

            assertThat(sent.output()).contains("PUBACK").containsIgnoringCase("not authori");
            var fine = publish(pump2, "pump-2", "-q", "1", "-t", "dt/pump-2/temperature", "-m", "genuine");
            assertThat(fine.exitCode()).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.lines().contains("genuine"));
            assertThat(watcher.lines()).doesNotContain("spoof");
        }
    }

    @Test
    void anMqtt311PublishOnAnotherDevicesTopicClosesTheConnection() throws Exception {
        try (var watcher = watch("dt/#")) {
            var sent = publish(
                    pump1, "pump-1", "-d", "-V", "mqttv311", "-q", "1", "-t", "dt/pump-2/temperature", "-m", "spoof");

            assertThat(sent.output()).doesNotContain("Received PUBACK");
            var fine = publish(pump2, "pump-2", "-q", "1", "-t", "dt/pump-2/temperature", "-m", "after-spoof");
            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.lines().contains("after-spoof"));
            assertThat(watcher.lines()).doesNotContain("spoof");
        }
    }

    @Test
    void anMqtt311PublishOnAnotherDevicesTopicGetsNoPubackAndTheBrokerClosesTheSocket() throws Exception {
        // MQTT 3.1.1 has no way to refuse a PUBLISH; AWS IoT Core closes the connection (AWS-IOT-BEHAVIOUR §5.9)
        SSLSocket socket = (SSLSocket)
                TestPki.deviceTls(pump1, broker.caFile).getSocketFactory().createSocket("127.0.0.1", broker.tlsPort());
        try (RawMqttClient device = new RawMqttClient(socket)) {
            assertThat(device.connect("pump-1", true, 60))
                    .as("accepted, with no session present")
                    .isFalse();
            device.publish(1, "dt/pump-1/temperature", 1, false, "allowed");
            assertThat(device.read().type()).as("PUBACK for its own topic").isEqualTo(0x40);

            device.publish(2, "dt/pump-2/temperature", 1, false, "spoof");

            assertThatThrownBy(device::read)
                    .as("no PUBACK comes: the broker closes the socket, it does not merely stay silent")
                    .isInstanceOfAny(EOFException.class, SocketException.class, SSLException.class);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> broker.broker.clients().stream()
                        .noneMatch(client -> client.clientId().equals("pump-1")));
    }

    @Test
    void anExpiredDeviceCertificateIsRefusedAtTheHandshake() throws Exception {
        TestPki.Issued ca = TestPki.ca(folder, "expiry-ca");
        authority.trust(ca.certificate());
        TestPki.Issued expired = TestPki.expiredDevice(folder, ca, "pump-expired");
        authority.register(expired, "pump-expired");

        var sent = publish(expired, "pump-expired", "-t", "dt/pump-expired/x", "-m", "x");

        assertThat(sent.exitCode()).isNotZero();
        // refused by TLS, as AWS IoT Core refuses it: no CONNACK to be refused with ever comes
        assertThat(sent.output()).doesNotContain("Connection Refused");
        SSLSocket socket = (SSLSocket) TestPki.deviceTls(expired, broker.caFile)
                .getSocketFactory()
                .createSocket("127.0.0.1", broker.tlsPort());
        assertThat(handshakeOutcome(socket))
                .as("what the broker makes of the handshake")
                .startsWith("refused");
        assertThat(broker.broker.clients())
                .noneMatch(client -> client.clientId().equals("pump-expired"));
    }

    /**
     * Under TLS 1.3 the client's side of the handshake ends before the server has checked its certificate, so the
     * server's verdict shows on the first read: an alert ("refused: ..."), or a plain close.
     */
    private static String handshakeOutcome(SSLSocket socket) throws IOException {
        try (socket) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            return socket.getInputStream().read() < 0 ? "closed without an alert" : "open";
        } catch (SocketTimeoutException stayedOpen) {
            return "open";
        } catch (IOException refused) {
            return "refused: " + refused.getMessage();
        }
    }

    @Test
    void aSubscriptionOutsideThePolicyIsRefusedInSuback() throws Exception {
        try (var sub = Mosquitto.sub(tls(pump1, "pump-1", "-d", "-V", "mqttv311", "-t", "dt/pump-2/#")
                .toArray(String[]::new))) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> sub.lines().stream().anyMatch(line -> line.contains("SUBACK")));
            assertThat(String.join("\n", sub.lines())).contains("Subscribed (mid: 1): 128");
        }
    }

    @Test
    void aCertificateUsedWithAnotherThingsClientIdIsRefused() throws Exception {
        var sent = publish(pump1, "pump-2", "-t", "dt/pump-2/temperature", "-m", "x");

        assertThat(sent.exitCode()).isNotZero();
        assertThat(sent.output()).containsIgnoringCase("not authori");
        var security = broker.broker.security().of("pump-2");
        assertThat(security.authorizationFailures())
                .as("Defender's count for the client id")
                .isPositive();
        assertThat(security.sourceIps()).contains("127.0.0.1");
        assertThat(security.connectionAttempts()).isGreaterThanOrEqualTo(security.authorizationFailures());
    }

    @Test
    void aCertificateFromAForeignCaFailsTheHandshake() throws Exception {
        var sent = publish(stranger, "stranger", "-t", "dt/stranger/x", "-m", "x");

        assertThat(sent.exitCode()).isNotZero();
        // the TLS layer ends it: Mosquitto never gets as far as a CONNACK to be refused with
        assertThat(sent.output()).contains("connection was lost").doesNotContain("Connection Refused");
        assertThat(broker.broker.clients())
                .noneMatch(client -> client.clientId().equals("stranger"));
    }

    @Test
    void aRevokedCertificateLosesItsLiveSessionAndCannotComeBack() throws Exception {
        TestPki.Issued ca = TestPki.ca(folder, "revocation-ca");
        authority.trust(ca.certificate());
        TestPki.Issued pump3 = TestPki.device(folder, ca, "pump-3");
        authority.register(pump3, "pump-3");
        try (var device = Mosquitto.sub(
                tls(pump3, "pump-3", "-d", "-V", "mqttv5", "-t", "dt/pump-3/#").toArray(String[]::new))) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> device.lines().stream().anyMatch(line -> line.contains("SUBACK")));

            authority.revoke(pump3.id());

            // the issue's bound: a revoked certificate's sessions end within a second
            await().atMost(Duration.ofSeconds(1))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> broker.broker.clients().stream()
                            .noneMatch(c -> c.clientId().equals("pump-3") && c.connected()));
            var again = publish(pump3, "pump-3", "-t", "dt/pump-3/x", "-m", "x");
            assertThat(again.exitCode()).isNotZero();
            assertThat(again.output()).containsIgnoringCase("not authori");
        }
    }
}
