package io.fleetdeck.bench.mqtt;

import io.fleetdeck.bench.DeviceTls;
import io.fleetdeck.fleet.identity.IdentityService.IssuedCertificate;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/** The MQTT harness's broker and clients, for the identity benchmark in its own package. */
public final class BenchAccess {

    private static final int HANDSHAKE_SECONDS = 8;

    private BenchAccess() {}

    /** Handshake rate and fan-in throughput, mutual TLS with policies against the plain listener. */
    public static void identityRuns(Path pki, Path store, Path caFile, Map<String, IssuedCertificate> devices)
            throws Exception {
        Map<String, SSLSocketFactory> tls = new HashMap<>();
        for (Map.Entry<String, IssuedCertificate> device : devices.entrySet()) {
            tls.put(device.getKey(), socketFactory(caFile, device.getValue()));
        }
        double tlsOnly;
        try (BrokerUnderTest broker = BrokerUnderTest.fleetdeck(pki)) {
            handshakes(broker.tlsPort(), tls, true); // warm-up
            tlsOnly = handshakes(broker.tlsPort(), tls, true);
        }
        try (BrokerUnderTest broker = BrokerUnderTest.fleetdeckWithIdentities(pki, store)) {
            handshakes(broker.tlsPort(), tls, true); // warm-up
            double mutual = handshakes(broker.tlsPort(), tls, true);
            double plain = handshakes(broker.plainPort(), tls, false);
            System.out.printf(
                    Locale.ROOT,
                    "new connections (CONNECT to CONNACK, then DISCONNECT), 8 clients for %d s each:%n"
                            + "  mutual TLS, certificate checked in the registry, Connect policy: %,.0f/s%n"
                            + "  the same TLS handshake with the certificate not checked (#4):     %,.0f/s%n"
                            + "  plain loopback listener (no TLS, no policy):                      %,.0f/s%n",
                    HANDSHAKE_SECONDS,
                    mutual,
                    tlsOnly,
                    plain);
            LoadClients.Connector plainClients = clientId -> LoadClients.connect(broker.plainPort(), clientId);
            LoadClients.Connector mutualClients = clientId ->
                    LoadClients.connectTls(broker.tlsPort(), clientId, Objects.requireNonNull(tls.get(clientId)));
            for (int round = 0; round < 3; round++) {
                Scenarios.fanIn(plainClients, "dt/", "dt/#", 10, 50_000, 1);
                Scenarios.fanIn(mutualClients, "dt/", "dt/#", 10, 50_000, 1);
            }
            var plainRun = Scenarios.fanIn(plainClients, "dt/", "dt/#", 10, 50_000, 1);
            var mutualRun = Scenarios.fanIn(mutualClients, "dt/", "dt/#", 10, 50_000, 1);
            System.out.printf(
                    Locale.ROOT,
                    "(a) 10->1 QoS1 50k, same broker, warmed:%n"
                            + "  plain listener (the #4 run):          %,.0f msg/s, lost %d%n"
                            + "  mutual TLS, policies on every packet: %,.0f msg/s, lost %d%n"
                            + "  throughput ratio mutual TLS + policies / plain: %.2f%n",
                    plainRun.deliveredPerSecond(),
                    plainRun.sent() - plainRun.delivered(),
                    mutualRun.deliveredPerSecond(),
                    mutualRun.sent() - mutualRun.delivered(),
                    mutualRun.deliveredPerSecond() / plainRun.deliveredPerSecond());
        }
    }

    /** Connections per second: each of eight clients connects, waits for CONNACK, disconnects, again and again. */
    private static double handshakes(int port, Map<String, SSLSocketFactory> tls, boolean mutual) throws Exception {
        LongAdder connected = new LongAdder();
        long until = System.nanoTime() + HANDSHAKE_SECONDS * 1_000_000_000L;
        List<Thread> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int h = 0; h < 8; h++) {
            String clientId = "handshake-" + h;
            @Nullable SSLSocketFactory factory = mutual ? Objects.requireNonNull(tls.get(clientId)) : null;
            clients.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < until) {
                    try (var socket = factory != null
                            ? factory.createSocket("localhost", port)
                            : new java.net.Socket("127.0.0.1", port)) {
                        if (socket instanceof SSLSocket secure) {
                            secure.startHandshake();
                        }
                        if (connectOnce(socket, clientId)) {
                            connected.increment();
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(clientId + " could not connect: " + e.getMessage(), e);
                    }
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        return connected.sum() / ((System.nanoTime() - start) / 1e9);
    }

    /** CONNECT (MQTT 3.1.1, clean session), CONNACK, DISCONNECT; true when the broker accepted. */
    private static boolean connectOnce(java.net.Socket socket, String clientId) throws IOException {
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        byte[] variableHeader = {0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 60};
        byte[] connect = new byte[2 + variableHeader.length + 2 + id.length];
        connect[0] = 0x10;
        connect[1] = (byte) (variableHeader.length + 2 + id.length);
        System.arraycopy(variableHeader, 0, connect, 2, variableHeader.length);
        connect[12] = (byte) (id.length >> 8);
        connect[13] = (byte) id.length;
        System.arraycopy(id, 0, connect, 14, id.length);
        OutputStream out = socket.getOutputStream();
        out.write(connect);
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] connack = new byte[4];
        in.readFully(connack);
        out.write(new byte[] {(byte) 0xE0, 0});
        out.flush();
        return connack[0] == 0x20 && connack[3] == 0;
    }

    private static SSLSocketFactory socketFactory(Path caFile, IssuedCertificate device) throws Exception {
        return DeviceTls.socketFactory(
                Files.readString(caFile), device.certificate().pem(), device.privateKeyPem());
    }
}
