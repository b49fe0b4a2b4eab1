package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker of {@code fleetdeck serve} as a script finds it: through the ready line and the data folder's CA. */
class BrokerIT {

    private static final Pattern ENDPOINTS =
            Pattern.compile("fleetdeck ready mqtts=(127\\.0\\.0\\.1):(\\d+) mqtt=(127\\.0\\.0\\.1):(\\d+) data=(.+)");

    @TempDir
    Path temp;

    @Test
    void mosquittoClientsUseTheEndpointsOfTheReadyLine() throws Exception {
        Path deviceFiles = temp.resolve("gw-1-files");
        try (FleetdeckProcess add = FleetdeckProcess.start(
                "device", "add", "gw-1", "--data-dir", temp.toString(), "--out", deviceFiles.toString())) {
            assertThat(add.awaitExit())
                    .as("device add; stderr %s", add.stderr())
                    .isZero();
            assertThat(add.stdout().getFirst()).matches("thing gw-1 certificate [0-9a-f]{64}");
        }
        try (FleetdeckProcess serve = FleetdeckProcess.start(
                "serve", "--data-dir", temp.toString(), "--mqtts-port", "0", "--mqtt-port", "0")) {
            Matcher ready = ENDPOINTS.matcher(serve.awaitStdoutLine("fleetdeck ready"));
            assertThat(ready.matches()).as("ready line with both endpoints").isTrue();
            Path ca = Path.of(ready.group(5), "provisioning", "root-ca.pem");
            assertThat(Files.readString(ca)).startsWith("-----BEGIN CERTIFICATE-----");

            Process sub = new ProcessBuilder(
                            "timeout",
                            "30",
                            "mosquitto_sub",
                            "-h",
                            ready.group(1),
                            "-p",
                            ready.group(2),
                            "--cafile",
                            deviceFiles.resolve("root-ca.pem").toString(),
                            "--cert",
                            deviceFiles.resolve("gw-1.cert.pem").toString(),
                            "--key",
                            deviceFiles.resolve("gw-1.private.key").toString(),
                            "-i",
                            "gw-1",
                            "-q",
                            "1",
                            "-C",
                            "1",
                            "-t",
                            "dt/gw-1/#")
                    .redirectErrorStream(true)
                    .start();
            String output;
            int exit;
            // publish until the subscriber has it: it may not have subscribed yet when the first one goes out
            do {
                Process pub = new ProcessBuilder(
                                "mosquitto_pub",
                                "-h",
                                ready.group(3),
                                "-p",
                                ready.group(4),
                                "-q",
                                "1",
                                "-t",
                                "dt/gw-1/status",
                                "-m",
                                "online")
                        .inheritIO()
                        .start();
                assertThat(pub.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } while (!sub.waitFor(200, TimeUnit.MILLISECONDS));
            output = new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            exit = sub.exitValue();

            assertThat(exit).as(output).isZero();
            assertThat(output.lines().toList()).containsExactly("online");

            serve.signal("TERM");
            assertThat(serve.awaitExit()).isZero();
        }
        assertThat(Files.getPosixFilePermissions(temp.resolve("pki/root-ca.key")))
                .as("the CA key is readable by its owner only")
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aTakenPortIsOneLineAndExitCode2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            try (FleetdeckProcess serve = FleetdeckProcess.start(
                    "serve", "--data-dir", temp.toString(), "--mqtts-port", Integer.toString(taken.getLocalPort()))) {
                assertThat(serve.awaitExit()).isEqualTo(2);
                List<String> errors = serve.stderr();
                assertThat(errors)
                        .singleElement()
                        .asString()
                        .startsWith("fleetdeck: the MQTT broker cannot listen on ")
                        .contains(":" + taken.getLocalPort())
                        .endsWith("; choose other ports with --mqtts-port and --mqtt-port");
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(temp.resolve("fleetdeck.lock")).doesNotExist();
    }

    @Test
    void aPortOutOfRangeIsRefused() throws Exception {
        try (FleetdeckProcess serve =
                FleetdeckProcess.start("serve", "--data-dir", temp.toString(), "--mqtts-port", "70000")) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(serve.stderr())
                    .containsExactly("fleetdeck: --mqtts-port must be a port from 0 to 65535, was 70000"
                            + " (see 'fleetdeck serve --help')");
        }
    }

    @Test
    void anUnknownMqttProfileIsRefused() throws Exception {
        try (FleetdeckProcess serve =
                FleetdeckProcess.start("serve", "--data-dir", temp.toString(), "--mqtt-profile", "mosquitto")) {
            assertThat(serve.awaitExit()).isEqualTo(2);
            assertThat(serve.stderr())
                    .containsExactly("fleetdeck: --mqtt-profile must be aws or standard, was mosquitto"
                            + " (see 'fleetdeck serve --help')");
        }
        assertThat(temp.resolve("fleetdeck.lock")).doesNotExist();
    }

    @Test
    void theStandardProfileCarriesQos2OnBothListeners() throws Exception {
        Path deviceFiles = temp.resolve("gw-2-files");
        try (FleetdeckProcess add = FleetdeckProcess.start(
                "device", "add", "gw-2", "--data-dir", temp.toString(), "--out", deviceFiles.toString())) {
            assertThat(add.awaitExit())
                    .as("device add; stderr %s", add.stderr())
                    .isZero();
        }
        try (FleetdeckProcess serve = FleetdeckProcess.start(
                "serve",
                "--data-dir",
                temp.toString(),
                "--mqtts-port",
                "0",
                "--mqtt-port",
                "0",
                "--mqtt-profile",
                "standard")) {
            Matcher ready = ENDPOINTS.matcher(serve.awaitStdoutLine("fleetdeck ready"));
            assertThat(ready.matches()).isTrue();
            // a tool on the plain listener subscribes at QoS 2 and is granted it
            Process sub = new ProcessBuilder(
                            "timeout",
                            "30",
                            "mosquitto_sub",
                            "-h",
                            ready.group(3),
                            "-p",
                            ready.group(4),
                            "-q",
                            "2",
                            "-C",
                            "1",
                            "-v",
                            "-t",
                            "dt/gw-2/#")
                    .redirectErrorStream(true)
                    .start();
            // the device publishes at QoS 2 over mutual TLS, with its policy checked
            do {
                Process pub = new ProcessBuilder(
                                "mosquitto_pub",
                                "-h",
                                ready.group(1),
                                "-p",
                                ready.group(2),
                                "--cafile",
                                deviceFiles.resolve("root-ca.pem").toString(),
                                "--cert",
                                deviceFiles.resolve("gw-2.cert.pem").toString(),
                                "--key",
                                deviceFiles.resolve("gw-2.private.key").toString(),
                                "-i",
                                "gw-2",
                                "-q",
                                "2",
                                "-t",
                                "dt/gw-2/status",
                                "-m",
                                "online")
                        .inheritIO()
                        .start();
                assertThat(pub.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(pub.exitValue()).as("QoS 2 publish over TLS").isZero();
            } while (!sub.waitFor(200, TimeUnit.MILLISECONDS));
            String output = new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(sub.exitValue()).as(output).isZero();
            assertThat(output.lines().toList()).containsExactly("dt/gw-2/status online");

            serve.signal("TERM");
            assertThat(serve.awaitExit()).isZero();
        }
    }
}
