package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outside test that found issue 13's first defect, on a smaller scale: {@code serve} under a limit of 2,048 open
 * files gets three times as many idle sockets as it has files, on both listeners, and while they are held a device
 * over mutual TLS still has its shadow update committed and accepted, and the log stays short.
 */
class ConnectionFloodIT {

    private static final Pattern ENDPOINTS =
            Pattern.compile("fleetdeck ready mqtts=(127\\.0\\.0\\.1):(\\d+) mqtt=(127\\.0\\.0\\.1):(\\d+) data=(.+)");
    private static final int FILE_LIMIT = 2048;

    @TempDir
    Path temp;

    private final List<Socket> idle = new ArrayList<>();

    @AfterEach
    void closeIdleSockets() throws IOException {
        for (Socket socket : idle) {
            socket.close();
        }
    }

    @Test
    void idleSocketsBeyondTheFileLimitDoNotLockADeviceOut() throws Exception {
        Path device = temp.resolve("meter-1");
        Path data = temp.resolve("data");
        try (FleetdeckProcess add = FleetdeckProcess.start(
                "device", "add", "meter-1", "--data-dir", data.toString(), "--out", device.toString())) {
            assertThat(add.awaitExit())
                    .as("device add; stderr %s", add.stderr())
                    .isZero();
        }
        try (FleetdeckProcess serve = FleetdeckProcess.startUnder(
                List.of("prlimit", "--nofile=" + FILE_LIMIT + ":" + FILE_LIMIT, "--"),
                "serve",
                "--data-dir",
                data.toString(),
                "--mqtts-port",
                "0",
                "--mqtt-port",
                "0")) {
            Matcher ready = ENDPOINTS.matcher(serve.awaitStdoutLine("fleetdeck ready"));
            assertThat(ready.matches()).isTrue();
            int tlsPort = Integer.parseInt(ready.group(2));
            int plainPort = Integer.parseInt(ready.group(4));

            int held = open(plainPort, 4 * FILE_LIMIT / 3) + open(tlsPort, 2 * FILE_LIMIT / 3);
            assertThat(held).as("idle sockets the test opened").isGreaterThan(FILE_LIMIT);

            // as a device with an AWS SDK does, it tries again after a refusal while the broker sheds the flood
            String[] accepted = new String[1];
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() ->
                            (accepted[0] = shadowUpdate(device, tlsPort, "{\"state\":{\"reported\":{\"battery\":81}}}"))
                                    != null);
            assertThat(accepted[0]).contains("\"battery\":81").contains("\"version\":1");

            serve.signal("TERM");
            assertThat(serve.awaitExit()).isZero();
        }
        List<String> log = Files.readAllLines(data.resolve("logs/fleetdeck.log"), StandardCharsets.UTF_8);
        assertThat(log).noneMatch(line -> line.contains("Too many open files"));
        assertThat(log).noneMatch(line -> line.contains("fleet index failed"));
        assertThat(log.stream().filter(line -> line.contains("connections closed at accept")))
                .as("refusals are summed up, not logged one by one")
                .hasSizeBetween(1, 10);
    }

    /** Opens up to {@code count} sockets that never send a byte; returns how many connected. */
    private int open(int port, int count) {
        int connected = 0;
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
                idle.add(socket);
                connected++;
            } catch (IOException backlogFull) {
                closeQuietly(socket);
            }
        }
        return connected;
    }

    /**
     * A device's shadow update over mutual TLS with mosquitto_rr, as the device's own client: the accepted answer, or
     * null when the connection was refused.
     */
    private static String shadowUpdate(Path device, int tlsPort, String document) throws Exception {
        Process rr = new ProcessBuilder(
                        "timeout",
                        "30",
                        "mosquitto_rr",
                        "-h",
                        "localhost",
                        "-p",
                        Integer.toString(tlsPort),
                        "--cafile",
                        device.resolve("root-ca.pem").toString(),
                        "--cert",
                        device.resolve("meter-1.cert.pem").toString(),
                        "--key",
                        device.resolve("meter-1.private.key").toString(),
                        "-i",
                        "meter-1",
                        "-q",
                        "1",
                        "-t",
                        "$aws/things/meter-1/shadow/update",
                        "-e",
                        "$aws/things/meter-1/shadow/update/accepted",
                        "-m",
                        document)
                .redirectErrorStream(true)
                .start();
        assertThat(rr.waitFor(40, TimeUnit.SECONDS)).isTrue();
        String output = new String(rr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return rr.exitValue() == 0 ? output : null;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // never connected
        }
    }
}
