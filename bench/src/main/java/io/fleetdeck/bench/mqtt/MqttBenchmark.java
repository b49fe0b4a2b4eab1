package io.fleetdeck.bench.mqtt;

import io.fleetdeck.broker.tls.ServerIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * broker-lite against Debian's Mosquitto on loopback, same run, same clients, 200-byte payloads:
 * (a) 10 publishers to 1 subscriber at QoS 1, 50k messages; (b) the same at QoS 0, 200k; (c) 1 publisher to 100
 * subscribers; (d) p50/p99 latency at a steady 10k messages/s; (e) 10,000 idle TLS connections: heap and RSS.
 * Each broker runs in its own process. Prints a table of both brokers' figures and the ratio.
 *
 * <p>Run: {@code bench/run mqtt} ({@code --idle 2000} for a shorter run). Needs Debian's {@code mosquitto}.
 */
public final class MqttBenchmark {

    private MqttBenchmark() {}

    public static void main(String[] args) throws Exception {
        int idle = 10_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--idle")) {
                idle = Integer.parseInt(args[++i]);
            }
        }
        Path pki = Files.createTempDirectory("fleetdeck-bench-pki");
        ServerIdentity.loadOrCreate(pki, pki.resolve("ca.pem"), Clock.systemUTC());
        System.out.printf(
                Locale.ROOT,
                "MQTT benchmark, %d cores, payload %d bytes, Paho 3.1.1 clients with TCP_NODELAY%n",
                Runtime.getRuntime().availableProcessors(),
                Scenarios.PAYLOAD_BYTES);

        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        Map<String, Map<String, Double>> ratios = new LinkedHashMap<>();
        for (String which : List.of("fleetdeck", "mosquitto")) {
            Map<String, String> figures = new LinkedHashMap<>();
            Map<String, Double> values = new LinkedHashMap<>();
            String name;
            try (BrokerUnderTest broker = start(which, pki)) {
                name = broker.name();
                int port = broker.plainPort();
                Scenarios.fanIn(port, 10, 10_000, 1); // warm-up
                var a = Scenarios.fanIn(port, 10, 50_000, 1);
                figures.put("(a) 10->1 QoS1 50k", rate(a) + ", lost " + (a.sent() - a.delivered()));
                values.put("a", a.deliveredPerSecond());
                var b = Scenarios.fanIn(port, 10, 200_000, 0);
                figures.put("(b) 10->1 QoS0 200k", rate(b) + ", delivered " + b.delivered());
                values.put("b", b.deliveredPerSecond());
                var c = Scenarios.fanOut(port, 100, 2_000, 0);
                figures.put("(c) 1->100 QoS0 2k", rate(c) + ", delivered " + c.delivered() + "/" + c.sent());
                values.put("c", c.deliveredPerSecond());
                var d = Scenarios.latency(port, 10_000, 6);
                figures.put(
                        "(d) latency @10k/s",
                        String.format(
                                Locale.ROOT,
                                "p50 %.2f ms, p99 %.2f ms, max %.1f ms (%d)",
                                d.p50Millis(),
                                d.p99Millis(),
                                d.maxMillis(),
                                d.samples()));
                values.put("d", d.p99Millis());
            }
            try (BrokerUnderTest broker = start(which, pki);
                    IdleTlsConnections connections = new IdleTlsConnections()) {
                long rssBefore = broker.residentBytes();
                int opened = connections.open(broker.tlsPort(), pki.resolve("root-ca.pem"), idle);
                Thread.sleep(2000);
                OptionalLong heap = broker.heapBytes();
                long rss = broker.residentBytes();
                figures.put(
                        "(e) " + idle + " idle TLS",
                        String.format(
                                Locale.ROOT,
                                "%d connected, RSS %d MiB (%d before)%s",
                                opened,
                                rss >> 20,
                                rssBefore >> 20,
                                heap.isPresent()
                                        ? String.format(Locale.ROOT, ", heap %d MiB", heap.getAsLong() >> 20)
                                        : ""));
                values.put("e", (double) rss);
            }
            table.put(name, figures);
            ratios.put(which, values);
            System.out.println();
            System.out.println(name);
            figures.forEach((scenario, figure) -> System.out.printf(Locale.ROOT, "  %-22s %s%n", scenario, figure));
        }
        Map<String, Double> ours = ratios.get("fleetdeck");
        Map<String, Double> theirs = ratios.get("mosquitto");
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "throughput ratio fleetdeck/mosquitto: (a) %.2f  (b) %.2f  (c) %.2f%n",
                ours.get("a") / theirs.get("a"),
                ours.get("b") / theirs.get("b"),
                ours.get("c") / theirs.get("c"));
        System.out.printf(
                Locale.ROOT,
                "p99 latency ratio (d) %.2f, RSS ratio (e) %.2f%n",
                ours.get("d") / theirs.get("d"),
                ours.get("e") / theirs.get("e"));
    }

    private static BrokerUnderTest start(String which, Path pki) throws Exception {
        return which.equals("fleetdeck") ? BrokerUnderTest.fleetdeck(pki) : BrokerUnderTest.mosquitto(pki);
    }

    private static String rate(Scenarios.Throughput result) {
        return String.format(Locale.ROOT, "%,.0f msg/s in %.1f s", result.deliveredPerSecond(), result.seconds());
    }
}
