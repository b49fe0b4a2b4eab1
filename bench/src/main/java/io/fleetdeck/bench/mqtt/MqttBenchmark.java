package io.fleetdeck.bench.mqtt;

import io.fleetdeck.broker.tls.ServerIdentity;
import java.io.IOException;
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
 * subscribers; (d) p50/p99 latency at a steady 10k messages/s; (e) 10,000 idle TLS connections: heap and RSS; and
 * QoS 2, with broker-lite under the standard MQTT profile: (f) 10 publishers to 1 subscriber, 50k messages, and (g)
 * p50/p99 latency at a steady 2k messages/s. Each broker runs in its own process. Prints a table of both brokers'
 * figures and the ratio.
 *
 * <p>Run: {@code bench/run mqtt} ({@code --idle 2000} for a shorter run). Needs Debian's {@code mosquitto}.
 */
public final class MqttBenchmark {

    private static final int WARM_UP_ROUNDS = 4;
    private static final int QOS2_MESSAGES = 50_000;
    private static final int QOS2_LATENCY_RATE = 2_000;

    private MqttBenchmark() {}

    public static void main(String[] args) throws Exception {
        int idle = 10_000;
        String scenarios = "abcdefg";
        List<String> brokers = List.of("fleetdeck", "mosquitto");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--idle" -> idle = Integer.parseInt(args[++i]);
                case "--scenarios" -> scenarios = args[++i];
                case "--only" -> brokers = List.of(args[++i]);
                case "--max-queued-messages" -> System.setProperty(BrokerUnderTest.QUEUED_PROPERTY, args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
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
        for (String which : brokers) {
            Map<String, String> figures = new LinkedHashMap<>();
            Map<String, Double> values = new LinkedHashMap<>();
            String name = which;
            if (scenarios.matches(".*[abcd].*")) {
                name = underAwsRules(which, pki, scenarios, figures, values);
            }
            if (scenarios.contains("e")) {
                idleConnections(which, pki, idle, figures, values);
            }
            if (scenarios.contains("f") || scenarios.contains("g")) {
                name = qos2(which, pki, scenarios, figures, values);
            }
            table.put(name, figures);

            ratios.put(which, values);
            System.out.println();
            System.out.println(name);
            figures.forEach((scenario, figure) -> System.out.printf(Locale.ROOT, "  %-24s %s%n", scenario, figure));
        }
        Map<String, Double> ours = ratios.get("fleetdeck");
        Map<String, Double> theirs = ratios.get("mosquitto");
        if (ours != null && theirs != null) {
            printRatios(ours, theirs);
        }
    }

    /** (a)-(d) on one broker under AWS's rules (the console's default), warmed first; returns its name. */
    private static String underAwsRules(
            String which, Path pki, String scenarios, Map<String, String> figures, Map<String, Double> values)
            throws Exception {
        try (BrokerUnderTest broker = start(which, pki)) {
            int port = broker.plainPort();
            warmUp(broker, figures);
            if (scenarios.contains("a")) {
                double cpu = broker.cpuSeconds();
                var a = Scenarios.fanIn(port, 10, 50_000, 1);
                figures.put(
                        "(a) 10->1 QoS1 50k", rate(a) + ", lost " + (a.sent() - a.delivered()) + cpu(broker, cpu, a));
                values.put("a", a.deliveredPerSecond());
            }
            if (scenarios.contains("b")) {
                double cpu = broker.cpuSeconds();
                var b = Scenarios.fanIn(port, 10, 200_000, 0);
                figures.put("(b) 10->1 QoS0 200k", rate(b) + ", delivered " + b.delivered() + cpu(broker, cpu, b));
                values.put("b", b.deliveredPerSecond());
            }
            if (scenarios.contains("c")) {
                double cpu = broker.cpuSeconds();
                var c = Scenarios.fanOut(port, 100, 2_000, 0);
                figures.put(
                        "(c) 1->100 QoS0 2k",
                        rate(c) + ", delivered " + c.delivered() + "/" + c.sent() + cpu(broker, cpu, c));
                values.put("c", c.deliveredPerSecond());
            }
            if (scenarios.contains("d")) {
                latency(port, figures, values);
            }
            return broker.name();
        }
    }

    private static void printRatios(Map<String, Double> ours, Map<String, Double> theirs) {
        System.out.println();
        for (String scenario : List.of("a", "b", "c", "d", "e", "f", "g50", "g")) {
            if (ours.containsKey(scenario) && theirs.containsKey(scenario)) {
                String what = switch (scenario) {
                    case "a", "b", "c", "f" -> "throughput";
                    case "d", "g" -> "p99 latency";
                    case "g50" -> "p50 latency";
                    default -> "RSS";
                };
                System.out.printf(
                        Locale.ROOT,
                        "(%s) %s ratio fleetdeck/mosquitto: %.2f%n",
                        scenario,
                        what,
                        ours.get(scenario) / theirs.get(scenario));
            }
        }
    }

    private static void latency(int port, Map<String, String> figures, Map<String, Double> values) throws Exception {
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

    /**
     * (f) and (g), QoS 2 end to end, on a broker of their own: broker-lite under the standard profile (the AWS one
     * refuses QoS 2), Mosquitto as it comes. Both warmed alike with three QoS 2 runs of (f), the first kept as the cold
     * figure. A delivered count above the sent one would be duplicates; below, losses: exactly once wants neither.
     */
    private static String qos2(
            String which, Path pki, String scenarios, Map<String, String> figures, Map<String, Double> values)
            throws Exception {
        try (BrokerUnderTest broker =
                which.equals("fleetdeck") ? BrokerUnderTest.fleetdeckStandard(pki) : BrokerUnderTest.mosquitto(pki)) {
            int port = broker.plainPort();
            for (int round = 1; round <= 3; round++) {
                double cpu = broker.cpuSeconds();
                var warm = Scenarios.fanIn(port, 10, QOS2_MESSAGES, 2);
                if (round == 1) {
                    figures.put("cold: first (f) run", rate(warm) + cpu(broker, cpu, warm));
                }
            }
            if (scenarios.contains("f")) {
                double cpu = broker.cpuSeconds();
                var f = Scenarios.fanIn(port, 10, QOS2_MESSAGES, 2);
                figures.put(
                        "(f) 10->1 QoS2 50k",
                        rate(f) + ", delivered " + f.delivered() + "/" + f.sent() + cpu(broker, cpu, f));
                values.put("f", f.deliveredPerSecond());
            }
            if (scenarios.contains("g")) {
                var g = Scenarios.latency(port, QOS2_LATENCY_RATE, 6, 2);
                figures.put(
                        "(g) QoS2 latency @2k/s",
                        String.format(
                                Locale.ROOT,
                                "p50 %.2f ms, p99 %.2f ms, max %.1f ms (%d)",
                                g.p50Millis(),
                                g.p99Millis(),
                                g.maxMillis(),
                                g.samples()));
                values.put("g50", g.p50Millis());
                values.put("g", g.p99Millis());
            }
            return broker.name();
        }
    }

    private static void idleConnections(
            String which, Path pki, int idle, Map<String, String> figures, Map<String, Double> values)
            throws Exception {
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
    }

    private static BrokerUnderTest start(String which, Path pki) throws Exception {
        return which.equals("fleetdeck") ? BrokerUnderTest.fleetdeck(pki) : BrokerUnderTest.mosquitto(pki);
    }

    /**
     * Runs of (a) and (b) before measuring, the same for both brokers: a JVM broker runs its first messages interpreted
     * and spends CPU compiling them, which says nothing of a broker that has been up for a minute. The first run's
     * figure is kept as the cold start.
     */
    private static void warmUp(BrokerUnderTest broker, Map<String, String> figures) throws Exception {
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            double cpu = broker.cpuSeconds();
            var warm = Scenarios.fanIn(broker.plainPort(), 10, 50_000, 1);
            if (round == 1) {
                figures.put("cold: first (a) run", rate(warm) + cpu(broker, cpu, warm));
            }
            Scenarios.fanIn(broker.plainPort(), 10, 100_000, 0);
        }
    }

    /** The broker's CPU time over a run and per delivered message: what limits throughput on two shared cores. */
    private static String cpu(BrokerUnderTest broker, double before, Scenarios.Throughput result) throws IOException {
        double used = broker.cpuSeconds() - before;
        return String.format(
                Locale.ROOT, ", broker CPU %.2f s (%.1f us/msg)", used, used * 1e6 / Math.max(1, result.delivered()));
    }

    private static String rate(Scenarios.Throughput result) {
        return String.format(Locale.ROOT, "%,.0f msg/s in %.1f s", result.deliveredPerSecond(), result.seconds());
    }
}
