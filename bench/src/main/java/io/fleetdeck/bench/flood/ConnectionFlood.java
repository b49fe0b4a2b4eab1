package io.fleetdeck.bench.flood;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Floods a running {@code fleetdeck serve} with connections that never send CONNECT, and measures what a real device
 * over mutual TLS meets meanwhile: (1) idle plain sockets, spread over many loopback source addresses so the cap on
 * all connections is reached, not only the per-address one; (2) a stream of TCP connections to the TLS port that never
 * start a handshake. Each round of the device connects, publishes QoS 1 and waits for PUBACK; the baseline rounds run
 * first, in the same run. Stops by itself; loopback only.
 *
 * <pre>
 * ./fleetdeck device add flood-probe --data-dir /tmp/fd --out /tmp/fd-probe
 * ./fleetdeck serve --data-dir /tmp/fd --mqtts-port 18883 --mqtt-port 11883 &amp;
 * bench/run flood --mqtts-port 18883 --mqtt-port 11883 --device /tmp/fd-probe --thing flood-probe
 * </pre>
 */
public final class ConnectionFlood {

    private static final int ROUNDS = 10;

    private ConnectionFlood() {}

    public static void main(String[] args) throws Exception {
        int mqttsPort = 8883;
        int mqttPort = 1883;
        Path device = null;
        String thing = null;
        int idle = 19_900;
        int sources = 100;
        int tlsRate = 2000;
        int seconds = 20;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mqtts-port" -> mqttsPort = Integer.parseInt(args[++i]);
                case "--mqtt-port" -> mqttPort = Integer.parseInt(args[++i]);
                case "--device" -> device = Path.of(args[++i]);
                case "--thing" -> thing = args[++i];
                case "--idle" -> idle = Integer.parseInt(args[++i]);
                case "--sources" -> sources = Integer.parseInt(args[++i]);
                case "--tls-rate" -> tlsRate = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (device == null || thing == null) {
            throw new IllegalArgumentException("--device DIR and --thing NAME are needed (fleetdeck device add --out)");
        }
        DevicePublisher publisher = new DevicePublisher(mqttsPort, device, thing);
        report("baseline, no flood", publisher.rounds(ROUNDS, 100));
        idleFlood(mqttPort, idle, sources, publisher);
        handshakeFlood(mqttsPort, tlsRate, seconds, publisher);
    }

    private static void idleFlood(int port, int count, int sources, DevicePublisher publisher) throws Exception {
        List<SocketChannel> sockets = new ArrayList<>(count);
        int refused = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            try {
                SocketChannel socket = SocketChannel.open();
                socket.bind(new InetSocketAddress("127.0.0." + (2 + i % sources), 0));
                socket.connect(new InetSocketAddress("127.0.0.1", port));
                socket.configureBlocking(false);
                sockets.add(socket);
            } catch (IOException notOpened) {
                refused++;
            }
        }
        double openSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "idle plain flood: %,d sockets opened from %d addresses in %.1f s (%,d failed to connect)%n",
                sockets.size(),
                sources,
                openSeconds,
                refused);
        TimeUnit.SECONDS.sleep(1);
        System.out.printf(Locale.ROOT, "  held by the broker 1 s later: %,d%n", stillOpen(sockets));
        report("device during the idle flood", publisher.rounds(ROUNDS, 100));
        TimeUnit.SECONDS.sleep(11);
        System.out.printf(Locale.ROOT, "  held 12 s later (CONNECT deadline 10 s): %,d%n", stillOpen(sockets));
        for (SocketChannel socket : sockets) {
            socket.close();
        }
    }

    /** TCP connections to the TLS port at {@code rate} a second, none starting a handshake, held while they last. */
    private static void handshakeFlood(int port, int rate, int seconds, DevicePublisher publisher) throws Exception {
        var flooder = Executors.newSingleThreadExecutor();
        Future<int[]> flood = flooder.submit(() -> connectAtRate(port, rate, seconds));
        TimeUnit.SECONDS.sleep(Math.min(5, seconds / 2));
        List<DevicePublisher.Round> rounds = publisher.rounds(ROUNDS, 200);
        int[] made = flood.get();
        flooder.shutdown();
        System.out.printf(
                Locale.ROOT,
                "TLS port flood: %,d connects at %,d/s for %d s, %,d failed; held by the broker at the end: %,d%n",
                made[0],
                rate,
                seconds,
                made[1],
                made[2]);
        report("device during the TLS port flood", rounds);
    }

    private static int[] connectAtRate(int port, int rate, int seconds) throws Exception {
        ArrayDeque<SocketChannel> held = new ArrayDeque<>();
        int made = 0;
        int failed = 0;
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            long due = start + made * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            try {
                SocketChannel socket = SocketChannel.open();
                socket.bind(new InetSocketAddress("127.0.0." + (2 + made % 100), 0));
                socket.connect(new InetSocketAddress("127.0.0.1", port));
                socket.configureBlocking(false);
                held.add(socket);
                if (held.size() > 18_000) {
                    held.poll().close(); // the harness's own file limit
                }
            } catch (IOException refused) {
                failed++;
            }
            made++;
        }
        int open = stillOpen(held);
        for (SocketChannel socket : held) {
            socket.close();
        }
        return new int[] {made, failed, open};
    }

    /** Sockets the broker has not closed: a read on a closed one gives end of stream or a reset. */
    private static int stillOpen(Iterable<SocketChannel> sockets) {
        ByteBuffer one = ByteBuffer.allocate(1);
        int open = 0;
        for (SocketChannel socket : sockets) {
            try {
                one.clear();
                if (socket.isOpen() && socket.read(one) == 0) {
                    open++;
                }
            } catch (IOException reset) {
                // closed by the broker
            }
        }
        return open;
    }

    private static void report(String phase, List<DevicePublisher.Round> rounds) {
        List<Double> served = rounds.stream()
                .filter(DevicePublisher.Round::served)
                .map(DevicePublisher.Round::millis)
                .sorted()
                .toList();
        String times = served.isEmpty()
                ? "none served"
                : String.format(
                        Locale.ROOT,
                        "connect + publish + PUBACK median %.0f ms, worst %.0f ms",
                        served.get(served.size() / 2),
                        served.getLast());
        System.out.printf(
                Locale.ROOT, "%s: device served %d of %d rounds; %s%n", phase, served.size(), rounds.size(), times);
        rounds.stream()
                .filter(round -> !round.served())
                .map(DevicePublisher.Round::failure)
                .distinct()
                .forEach(failure -> System.out.println("  failed: " + failure));
    }
}
