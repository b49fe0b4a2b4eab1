package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Debian's Mosquitto clients against the broker: an independent implementation of both MQTT versions. */
class MosquittoClientsTest {

    @TempDir
    static Path folder;

    private static RunningBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = RunningBroker.start(folder);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private String port() {
        return Integer.toString(broker.plainPort());
    }

    /** Waits until mosquitto_sub (run with -d) has its SUBACK, so nothing published next can be missed. */
    private static void awaitSubscribed(Mosquitto.Subscriber subscriber) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> subscriber.lines().stream().anyMatch(line -> line.contains("SUBACK")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mqttv311", "mqttv5"})
    void aTelemetryMessageReachesAWildcardSubscriberAtQos1(String version) throws Exception {
        try (var sub = Mosquitto.sub(
                "-d",
                "-V",
                version,
                "-h",
                "127.0.0.1",
                "-p",
                port(),
                "-q",
                "1",
                "-C",
                "1",
                "-t",
                "fleet/+/telemetry")) {
            awaitSubscribed(sub);

            var pub = Mosquitto.pub(
                    "-V",
                    version,
                    "-h",
                    "127.0.0.1",
                    "-p",
                    port(),
                    "-q",
                    "1",
                    "-t",
                    "fleet/pump-7/telemetry",
                    "-m",
                    "{\"temperature\":21.5}");

            assertThat(pub.exitCode()).as(pub.output()).isZero();
            assertThat(sub.awaitExit()).isZero();
            assertThat(sub.lines()).contains("{\"temperature\":21.5}");
        }
    }

    @Test
    void mosquittoConnectsOverTlsTrustingTheDataFoldersCa() throws Exception {
        String tls = Integer.toString(broker.tlsPort());
        String ca = broker.caFile.toString();
        try (var sub = Mosquitto.sub(
                "-d",
                "-h",
                "localhost",
                "-p",
                tls,
                "--cafile",
                ca,
                "-q",
                "1",
                "-C",
                "1",
                "-t",
                "$aws/things/pump-7/shadow/update")) {
            awaitSubscribed(sub);

            var pub = Mosquitto.pub(
                    "-h",
                    "localhost",
                    "-p",
                    tls,
                    "--cafile",
                    ca,
                    "-q",
                    "1",
                    "-t",
                    "$aws/things/pump-7/shadow/update",
                    "-m",
                    "{\"state\":{}}");

            assertThat(pub.exitCode()).as(pub.output()).isZero();
            assertThat(sub.awaitExit()).isZero();
            assertThat(sub.lines()).contains("{\"state\":{}}");
        }
    }

    @Test
    void aRetainedMessageGreetsNewSubscribersUntilAnEmptyOneDeletesIt() throws Exception {
        var set = Mosquitto.pub("-h", "127.0.0.1", "-p", port(), "-r", "-q", "1", "-t", "site/mode", "-m", "night");
        assertThat(set.exitCode()).isZero();

        try (var late = Mosquitto.sub("-h", "127.0.0.1", "-p", port(), "-C", "1", "-W", "10", "-t", "site/#")) {
            assertThat(late.awaitExit()).isZero();
            assertThat(late.lines()).containsExactly("night");
        }

        var delete = Mosquitto.pub("-h", "127.0.0.1", "-p", port(), "-r", "-q", "1", "-t", "site/mode", "-n");
        assertThat(delete.exitCode()).isZero();
        try (var after = Mosquitto.sub("-h", "127.0.0.1", "-p", port(), "-C", "1", "-W", "2", "-t", "site/#")) {
            assertThat(after.awaitExit())
                    .as("times out: nothing retained any more")
                    .isNotZero();
            assertThat(after.lines()).doesNotContain("night");
        }
    }

    @Test
    void theWillIsPublishedWhenAClientVanishes() throws Exception {
        try (var watcher = Mosquitto.sub("-d", "-h", "127.0.0.1", "-p", port(), "-C", "1", "-t", "status/gateway-3");
                var device = Mosquitto.sub(
                        "-d",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        port(),
                        "-i",
                        "gateway-3",
                        "--will-topic",
                        "status/gateway-3",
                        "--will-payload",
                        "offline",
                        "-t",
                        "cmd/gateway-3")) {
            awaitSubscribed(watcher);
            awaitSubscribed(device);

            device.killAbruptly();

            assertThat(watcher.awaitExit()).isZero();
            assertThat(watcher.lines()).contains("offline");
        }
    }

    @Test
    void anMqtt5WillWaitsOutItsDelayAndIsDroppedWhenTheDeviceComesBackInTime() throws Exception {
        try (var watcher = Mosquitto.sub("-d", "-h", "127.0.0.1", "-p", port(), "-t", "status/+")) {
            awaitSubscribed(watcher);
            var flaky = sleepyDevice("pump-1", 2);
            var gone = sleepyDevice("pump-2", 2);
            awaitSubscribed(flaky);
            awaitSubscribed(gone);

            flaky.killAbruptly();
            gone.killAbruptly();
            try (var back = sleepyDevice("pump-1", 2)) {
                awaitSubscribed(back);

                await().atMost(Duration.ofSeconds(10))
                        .until(() -> watcher.lines().contains("pump-2 offline"));
                assertThat(watcher.lines())
                        .as("pump-1 came back within its will delay")
                        .doesNotContain("pump-1 offline");
            } finally {
                flaky.close();
                gone.close();
            }
        }
    }

    /** A device on MQTT 5 whose will "<id> offline" waits {@code delaySeconds} after it drops off. */
    private Mosquitto.Subscriber sleepyDevice(String id, int delaySeconds) throws Exception {
        return Mosquitto.sub(
                "-d",
                "-V",
                "mqttv5",
                "-h",
                "127.0.0.1",
                "-p",
                port(),
                "-i",
                id,
                "-x",
                "600",
                "-c",
                "--will-topic",
                "status/" + id,
                "--will-payload",
                id + " offline",
                "-D",
                "will",
                "will-delay-interval",
                Integer.toString(delaySeconds),
                "-t",
                "cmd/" + id);
    }

    @Test
    void aPersistentSessionGetsTheQos1MessagesSentWhileItWasAway() throws Exception {
        try (var first = Mosquitto.sub(
                "-h", "127.0.0.1", "-p", port(), "-i", "meter-12", "-c", "-q", "1", "-E", "-t", "cmd/meter-12")) {
            assertThat(first.awaitExit()).as("subscribes, then leaves").isZero();
        }

        var pub = Mosquitto.pub("-h", "127.0.0.1", "-p", port(), "-q", "1", "-t", "cmd/meter-12", "-m", "reboot");
        assertThat(pub.exitCode()).isZero();

        try (var back = Mosquitto.sub(
                "-h",
                "127.0.0.1",
                "-p",
                port(),
                "-i",
                "meter-12",
                "-c",
                "-q",
                "1",
                "-C",
                "1",
                "-W",
                "10",
                "-t",
                "cmd/meter-12")) {
            assertThat(back.awaitExit()).isZero();
            assertThat(back.lines()).containsExactly("reboot");
        }
    }

    @Test
    void aTopicWithTooManySlashesIsRefusedWithTheReason() throws Exception {
        var v5 = Mosquitto.pub(
                "-V", "mqttv5", "-h", "127.0.0.1", "-p", port(), "-q", "1", "-t", "a/b/c/d/e/f/g/h/i", "-m", "x");
        assertThat(v5.output())
                .as("MQTT 5: PUBACK 0x90 with a reason string")
                .contains("Topic Name invalid")
                .contains("the topic has 8 slashes, more than 7");

        var v311 = Mosquitto.pub(
                "-V", "mqttv311", "-h", "127.0.0.1", "-p", port(), "-q", "1", "-t", "a/b/c/d/e/f/g/h/i", "-m", "x");
        assertThat(v311.exitCode()).as("MQTT 3.1.1: the connection is closed").isNotZero();
        assertThat(v311.output()).contains("connection was lost");
    }
}
