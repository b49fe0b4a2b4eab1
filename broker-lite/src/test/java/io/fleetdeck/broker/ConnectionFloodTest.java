package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.broker.server.MqttServer;
import io.fleetdeck.broker.server.admission.ConnectionLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections that never send CONNECT must not hold the broker's files for ever nor lock devices out (issue 13): a
 * CONNECT deadline, on the plain listener from the accept and on the TLS listener after the handshake; a bound on the
 * connections one address holds before CONNECT and a cap on all connections below the file limit, where silent
 * connections make room for talking ones; and a pace of TLS handshakes per address.
 */
class ConnectionFloodTest {

    private static final String POLICY = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "iot:Connect",
               "Resource": "arn:aws:iot:*:*:client/${iot:Connection.Thing.ThingName}"}]}
            """;

    @TempDir
    Path folder;

    private final MapAuthority authority = new MapAuthority();
    private final List<Socket> idle = new ArrayList<>();
    private TestPki.Issued meter;

    @BeforeEach
    void enrolAMeter() throws Exception {
        TestPki.Issued ca = TestPki.ca(folder, "plant-ca");
        authority.trust(ca.certificate());
        authority.policy(POLICY);
        meter = TestPki.device(folder, ca, "meter-3");
        authority.register(meter, "meter-3");
    }

    @AfterEach
    void closeIdleSockets() throws IOException {
        for (Socket socket : idle) {
            socket.close();
        }
    }

    @Test
    void aPlainConnectionThatSendsNothingIsClosedAtTheConnectDeadline() throws Exception {
        ConnectionLimits limits = ConnectionLimits.defaults().withConnectDeadline(Duration.ofSeconds(1));
        try (RunningBroker broker = RunningBroker.startWithConnectionLimits(folder, authority, limits);
                RawMqttClient silent = new RawMqttClient(broker.plainPort())) {
            assertThat(silent.closedByBroker()).isTrue();
            assertThat(broker.server.admissionStats().closedWithoutConnect()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> broker.server.admissionStats().open() == 0);
        }
    }

    @Test
    void aTlsConnectionWithAValidCertificateThatSendsNothingAfterItsHandshakeIsClosedAtTheDeadline() throws Exception {
        ConnectionLimits limits = ConnectionLimits.defaults().withConnectDeadline(Duration.ofSeconds(1));
        try (RunningBroker broker = RunningBroker.startWithConnectionLimits(folder, authority, limits)) {
            SSLContext tls = TestPki.deviceTls(meter, broker.caFile);
            SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", broker.tlsPort());
            socket.startHandshake();
            try (RawMqttClient silent = new RawMqttClient(socket)) {
                assertThat(silent.closedByBroker()).isTrue();
            }
            assertThat(broker.server.admissionStats().closedWithoutConnect()).isEqualTo(1);
        }
    }

    @Test
    void aDeviceThatConnectsInTimeStays() throws Exception {
        ConnectionLimits limits = ConnectionLimits.defaults().withConnectDeadline(Duration.ofSeconds(1));
        try (RunningBroker broker = RunningBroker.startWithConnectionLimits(folder, authority, limits);
                RawMqttClient device = tlsDevice(broker)) {
            device.connect("meter-3", true, 60);
            device.setReadTimeout(2_500);
            // past the deadline: the connection is still open and answers a ping
            assertThat(device.silentFor()).isTrue();
            device.ping();
            assertThat(device.read().type()).isEqualTo(0xd0);
            assertThat(broker.server.admissionStats().closedWithoutConnect()).isZero();
        }
    }

    @Test
    void silentSocketsFromOneAddressMakeRoomForADeviceFromTheSameAddress() throws Exception {
        ConnectionLimits limits = ConnectionLimits.defaults().withMaxUnauthenticatedPerAddress(20);
        try (RunningBroker broker = RunningBroker.startWithConnectionLimits(folder, authority, limits)) {
            for (int i = 0; i < 200; i++) {
                idle.add(new Socket("127.0.0.1", broker.plainPort()));
                idle.add(new Socket("127.0.0.1", broker.tlsPort()));
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> broker.server.admissionStats().evicted() == 360);
            assertThat(broker.server.admissionStats().open())
                    .as("20 per listener")
                    .isEqualTo(40);
            assertThat(broker.server.admissionStats().refusedAtAccept()).isZero();

            try (RawMqttClient device = tlsDevice(broker)) {
                device.connect("meter-3", true, 60);
            }
            try (RawMqttClient tool = new RawMqttClient(broker.plainPort())) {
                tool.connect("tool-1", true, 60);
            }
            try (RawMqttClient tool = new RawMqttClient(from("127.0.0.2", broker.plainPort()))) {
                tool.connect("tool-2", true, 60);
            }
        }
    }

    @Test
    void whenEveryHeldConnectionIsTalkingTheNewcomerIsRefused() throws Exception {
        ConnectionLimits limits = ConnectionLimits.defaults().withMaxUnauthenticatedPerAddress(5);
        try (RunningBroker broker = RunningBroker.startWithConnectionLimits(folder, authority, limits)) {
            for (int i = 0; i < 5; i++) {
                Socket talking = new Socket("127.0.0.1", broker.plainPort());
                talking.getOutputStream().write(0x10); // the first byte of a CONNECT, and no more
                talking.getOutputStream().flush();
                idle.add(talking);
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> broker.server.admissionStats().open() == 5);
            try (RawMqttClient late = new RawMqttClient(broker.plainPort())) {
                assertThat(late.closedByBroker()).isTrue();
            }
            assertThat(broker.server.admissionStats().refusedAtAccept()).isEqualTo(1);
            assertThat(broker.server.admissionStats().evicted()).isZero();
        }
    }

    @Test
    void pastTheCapSilentConnectionsMakeRoomAndTheDeadlineClearsTheRest() throws Exception {
        ConnectionLimits limits =
                ConnectionLimits.defaults().withMaxConnections(50).withConnectDeadline(Duration.ofSeconds(2));
        try (RunningBroker broker = RunningBroker.startWithConnectionLimits(folder, authority, limits)) {
            for (int i = 0; i < 200; i++) {
                idle.add(new Socket("127.0.0.1", broker.plainPort()));
            }
            // 50 sockets at most; the gate holds a tenth less, so the closes of a flood's evictions stay within them
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                MqttServer.AdmissionStats stats = broker.server.admissionStats();
                return stats.evicted() + stats.refusedAtAccept() == 155;
            });
            assertThat(broker.server.admissionStats().open()).isEqualTo(45);
            assertThat(broker.server.admissionStats().cap()).isEqualTo(45);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> broker.server.admissionStats().open() == 0);
            assertThat(broker.server.admissionStats().closedWithoutConnect()).isEqualTo(45);
            try (RawMqttClient device = tlsDevice(broker)) {
                device.connect("meter-3", true, 60);
            }
        }
    }

    @Test
    void handshakesOverThePaceOfOneAddressAreRefusedWhenTheyWouldWaitTooLong() throws Exception {
        // one handshake a second, waiting at most two seconds: of five at once, three get through
        ConnectionLimits limits = new ConnectionLimits(Duration.ofSeconds(10), 0, 256, 1, Duration.ofSeconds(2));
        try (RunningBroker broker = RunningBroker.startWithConnectionLimits(folder, authority, limits);
                ExecutorService devices = Executors.newFixedThreadPool(5)) {
            SSLContext tls = TestPki.deviceTls(meter, broker.caFile);
            List<Future<Boolean>> handshakes = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", broker.tlsPort());
                socket.setSoTimeout(10_000);
                idle.add(socket);
                handshakes.add(devices.submit(() -> {
                    try {
                        socket.startHandshake();
                        return true;
                    } catch (IOException closed) {
                        return false;
                    }
                }));
            }
            int handshaken = 0;
            for (Future<Boolean> handshake : handshakes) {
                handshaken += handshake.get() ? 1 : 0;
            }
            assertThat(handshaken).isEqualTo(3);
            assertThat(broker.server.admissionStats().refusedAtAccept()).isEqualTo(2);
        }
    }

    private RawMqttClient tlsDevice(RunningBroker broker) throws Exception {
        SSLContext tls = TestPki.deviceTls(meter, broker.caFile);
        return new RawMqttClient(tls.getSocketFactory().createSocket("127.0.0.1", broker.tlsPort()));
    }

    private static Socket from(String localAddress, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        return socket;
    }
}
