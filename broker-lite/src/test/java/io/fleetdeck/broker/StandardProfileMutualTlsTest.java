package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.broker.config.MqttProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard profile keeps certificates and policies on the TLS listener: QoS 2 from a device is policed like QoS 1,
 * and a denied one on MQTT 5 gets PUBREC 0x87 (MQTT 5 §3.5.2.1) where QoS 1 gets PUBACK 0x87.
 */
class StandardProfileMutualTlsTest {

    private static final String POLICY = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "iot:Connect",
               "Resource": "arn:aws:iot:*:*:client/${iot:Connection.Thing.ThingName}"},
              {"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"],
               "Resource": "arn:aws:iot:*:*:topic/dt/${iot:Connection.Thing.ThingName}/*"},
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
    private static TestPki.Issued monitor;

    @BeforeAll
    static void start() throws Exception {
        TestPki.Issued ca = TestPki.ca(folder, "plant-ca");
        authority.trust(ca.certificate());
        authority.policy(POLICY);
        pump1 = TestPki.device(folder, ca, "pump-1");
        monitor = TestPki.device(folder, ca, "monitor");
        authority.register(pump1, "pump-1");
        authority.register(monitor, "monitor");
        broker = RunningBroker.startWithAuthority(folder, authority, MqttProfile.STANDARD);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static String[] tls(TestPki.Issued identity, String clientId, String... more) {
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
        return args.toArray(String[]::new);
    }

    @Test
    void aDevicesQos2PublishOnItsOwnTopicReachesTheMonitorAtQos2AndADeniedOneGetsPubrec135() throws Exception {
        try (var watcher = Mosquitto.sub(tls(monitor, "monitor", "-d", "-V", "mqttv5", "-q", "2", "-t", "dt/#"))) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> watcher.lines().stream().anyMatch(line -> line.contains("SUBACK")));

            var denied = Mosquitto.pub(tls(
                    pump1, "pump-1", "-d", "-V", "mqttv5", "-q", "2", "-t", "dt/pump-2/temperature", "-m", "spoof"));
            assertThat(denied.output()).contains("received PUBREC").containsIgnoringCase("not authori");
            assertThat(denied.output()).doesNotContain("sending PUBREL");

            var allowed = Mosquitto.pub(
                    tls(pump1, "pump-1", "-V", "mqttv5", "-q", "2", "-t", "dt/pump-1/temperature", "-m", "21.5"));
            assertThat(allowed.exitCode()).as(allowed.output()).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.lines().contains("21.5"));
            assertThat(watcher.lines()).doesNotContain("spoof");
            assertThat(watcher.lines()).anyMatch(line -> line.contains("received PUBLISH (d0, q2"));
        }
    }
}
