package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Garbage and truncated packets from one connection: the broker closes that connection or waits for more, and a
 * well-behaved client beside it keeps its session and its messages.
 */
class MalformedPacketsFuzzTest {

    /** A valid MQTT 3.1.1 CONNECT for client id "fuzz", clean session, keep-alive 60 s. */
    private static final byte[] CONNECT = {0x10, 16, 0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 60, 0, 4, 'f', 'u', 'z', 'z'
    };

    private static RunningBroker broker;
    private static MqttClient bystander;
    private static final BlockingQueue<String> bystanderGot = new LinkedBlockingQueue<>();

    @BeforeContainer
    static void start() throws Exception {
        broker = RunningBroker.start(Files.createTempDirectory("fleetdeck-fuzz"));
        bystander = new MqttClient(broker.plainUri(), "bystander", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        bystander.connect(options);
        bystander.subscribe(
                "fuzz/alive",
                1,
                (topic, message) -> bystanderGot.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
    }

    @AfterContainer
    static void stop() throws Exception {
        bystander.disconnect();
        broker.close();
    }

    @Property(tries = 150)
    void garbageAsTheFirstPacket(@ForAll("garbage") byte[] bytes) throws Exception {
        sendAndHangUp(bytes);
        assertTheBystanderIsServed();
    }

    @Property(tries = 150)
    void garbageAfterAValidConnect(@ForAll("garbage") byte[] bytes) throws Exception {
        sendAndHangUp(afterConnect(bytes));
        assertTheBystanderIsServed();
    }

    @Property(tries = 100)
    void aTruncatedPublish(@ForAll("publishCutShort") byte[] bytes) throws Exception {
        sendAndHangUp(afterConnect(bytes));
        assertTheBystanderIsServed();
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<byte[]> random =
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300);
        Arbitrary<byte[]> plausible = Arbitraries.of(
                        (byte) 0x10,
                        (byte) 0x30,
                        (byte) 0x32,
                        (byte) 0x82,
                        (byte) 0xa2,
                        (byte) 0xc0,
                        (byte) 0xe0,
                        (byte) 0x40,
                        (byte) 0x00,
                        (byte) 0xf0)
                .flatMap(type -> Arbitraries.bytes()
                        .array(byte[].class)
                        .ofMaxSize(120)
                        .map(rest -> {
                            byte[] packet = new byte[rest.length + 1];
                            packet[0] = type;
                            System.arraycopy(rest, 0, packet, 1, rest.length);
                            return packet;
                        }));
        return Arbitraries.oneOf(random, plausible);
    }

    @Provide
    Arbitrary<byte[]> publishCutShort() {
        byte[] publish = {0x32, 17, 0, 9, 'f', 'u', 'z', 'z', '/', 'a', 'l', 'i', 'v', 0, 1, 'n', 'o', 'p', 'e'};
        return Arbitraries.integers().between(1, publish.length - 1).map(length -> {
            byte[] cut = new byte[length];
            System.arraycopy(publish, 0, cut, 0, length);
            return cut;
        });
    }

    private static byte[] afterConnect(byte[] bytes) {
        byte[] both = Arrays.copyOf(CONNECT, CONNECT.length + bytes.length);
        System.arraycopy(bytes, 0, both, CONNECT.length, bytes.length);
        return both;
    }

    private static void sendAndHangUp(byte[] bytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", broker.plainPort())) {
            socket.setSoTimeout(100);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            try {
                while (in.read() >= 0) {
                    // read what the broker answers until it closes or falls silent
                }
            } catch (SocketTimeoutException waitingForMore) {
                // a broker waiting for the rest of a packet is fine; hanging up ends it
            } catch (IOException reset) {
                // closed by the broker
            }
        }
    }

    private static void assertTheBystanderIsServed() throws Exception {
        assertThat(bystander.isConnected()).isTrue();
        bystanderGot.clear();
        bystander.publish("fuzz/alive", "yes".getBytes(StandardCharsets.UTF_8), 1, false);
        assertThat(bystanderGot.poll(5, TimeUnit.SECONDS)).isEqualTo("yes");
    }
}
