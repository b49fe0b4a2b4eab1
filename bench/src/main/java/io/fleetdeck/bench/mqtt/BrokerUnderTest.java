package io.fleetdeck.bench.mqtt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** A broker the benchmark starts on loopback in a process of its own, and stops at the end. */
final class BrokerUnderTest implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int plainPort;
    private final int tlsPort;
    private final BufferedReader output;
    private final PrintWriter input;

    private BrokerUnderTest(String name, Process process, int plainPort, int tlsPort) {
        this.name = name;
        this.process = process;
        this.plainPort = plainPort;
        this.tlsPort = tlsPort;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.input = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** broker-lite in its own JVM, with the flags the installed launcher uses. */
    /** Both brokers' bound on queued messages per client: deep by default, so the figures compare speed. */
    static final String QUEUED_PROPERTY = "fleetdeck.bench.maxQueuedMessages";

    static int maxQueuedMessages() {
        return Integer.getInteger(QUEUED_PROPERTY, 1_000_000);
    }

    static BrokerUnderTest fleetdeck(Path pki) throws IOException {
        return fleetdeck(pki, List.of());
    }

    /** With {@code store}, the TLS listener requires client certificates registered there and enforces policies. */
    static BrokerUnderTest fleetdeckWithIdentities(Path pki, Path store) throws IOException {
        return fleetdeck(pki, List.of(store.toString()));
    }

    /** broker-lite under the standard MQTT profile (QoS 2), as {@code --mqtt-profile standard} runs it. */
    static BrokerUnderTest fleetdeckStandard(Path pki) throws IOException {
        return fleetdeck(pki, List.of(), "standard");
    }

    private static BrokerUnderTest fleetdeck(Path pki, List<String> more) throws IOException {
        return fleetdeck(pki, more, "aws");
    }

    private static BrokerUnderTest fleetdeck(Path pki, List<String> more, String profile) throws IOException {
        int plain = freePort();
        int tls = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String recording = System.getenv("FLEETDECK_BENCH_JFR");
        List<String> command = new ArrayList<>(List.of(
                java,
                // a flight recording of the broker under load, for finding where its time goes
                recording == null
                        ? "-Dfleetdeck.bench=1"
                        : "-XX:StartFlightRecording=settings=profile,filename=" + recording,
                "--sun-misc-unsafe-memory-access=allow",
                "--enable-native-access=ALL-UNNAMED",
                "-Dfleetdeck.mqttProfile=" + profile,
                "-D" + QUEUED_PROPERTY + "=" + maxQueuedMessages(),
                "-cp",
                System.getProperty("java.class.path"),
                FleetdeckBrokerMain.class.getName(),
                pki.toString(),
                Integer.toString(plain),
                Integer.toString(tls)));
        command.addAll(more);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BrokerUnderTest broker = new BrokerUnderTest("fleetdeck broker-lite", process, plain, tls);
        broker.awaitLine("ready");
        return broker;
    }

    /** Debian's Mosquitto with the same TLS identity and queues as deep as broker-lite's in this benchmark. */
    static BrokerUnderTest mosquitto(Path pki) throws IOException, InterruptedException {
        int plain = freePort();
        int tls = freePort();
        Path config = Files.createTempFile("fleetdeck-bench-mosquitto", ".conf");
        Files.write(
                config,
                List.of(
                        "per_listener_settings false",
                        // started as root, Mosquitto would switch to its own user, who cannot read the owner-only key
                        "user " + System.getProperty("user.name"),
                        "allow_anonymous true",
                        "persistence false",
                        "max_queued_messages " + maxQueuedMessages(),
                        "max_inflight_messages 100",
                        "max_connections -1",
                        "listener " + plain + " 127.0.0.1",
                        "listener " + tls + " 127.0.0.1",
                        "cafile " + pki.resolve("root-ca.pem"),
                        "certfile " + pki.resolve("server.pem"),
                        "keyfile " + pki.resolve("server.key")));
        Process process = new ProcessBuilder("mosquitto", "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        BrokerUnderTest broker = new BrokerUnderTest("mosquitto " + mosquittoVersion(), process, plain, tls);
        for (int i = 0; i < 100 && !listening(plain); i++) {
            Thread.sleep(50);
        }
        return broker;
    }

    String name() {
        return name;
    }

    int plainPort() {
        return plainPort;
    }

    int tlsPort() {
        return tlsPort;
    }

    long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    /** CPU time (user + system) the broker process has used so far, from /proc (clock ticks of 10 ms). */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // fields after the command name, which is in parentheses and may hold spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** The heap in use after a GC; only the JVM broker has one. */
    OptionalLong heapBytes() throws IOException {
        if (!name.startsWith("fleetdeck")) {
            return OptionalLong.empty();
        }
        input.println("heap");
        String line = awaitLine("heap ");
        return OptionalLong.of(Long.parseLong(line.substring("heap ".length())));
    }

    @Override
    public void close() throws InterruptedException {
        input.println("quit");
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private String awaitLine(String prefix) throws IOException {
        String line;
        while ((line = output.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IOException(name + " ended before printing " + prefix);
    }

    private static boolean listening(int port) {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String mosquittoVersion() {
        try {
            Process version = new ProcessBuilder("mosquitto", "-h")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            version.waitFor();
            return text.lines()
                    .findFirst()
                    .orElse("")
                    .replaceAll(".*version ", "")
                    .trim();
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }
}
