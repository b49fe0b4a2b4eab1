package io.fleetdeck.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Garbage and truncated packets from one connection: the broker closes that connection or waits for more, and a
 * well-behaved client beside it keeps its session and its messages.
 *
 * <p>The two fuzz targets run their seeds (src/test/resources/.../MalformedPacketsFuzzTestInputs) in every build and
 * are fuzzed, coverage-guided, by Jazzer with {@code JAZZER_FUZZ=1} (bench/README.md); the properties below send
 * generated garbage through the same steps in every build, and every cut of a PUBLISH.
 */
class MalformedPacketsFuzzTest {

    /** A valid MQTT 3.1.1 CONNECT for client id "fuzz", clean session, keep-alive 60 s. */
    private static final byte[] CONNECT = {0x10, 16, 0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 60, 0, 4, 'f', 'u', 'z', 'z'
    };

    /** A QoS 1 PUBLISH to fuzz/aliv, packet id 1, payload "nope". */
    private static final byte[] PUBLISH = {
        0x32, 17, 0, 9, 'f', 'u', 'z', 'z', '/', 'a', 'l', 'i', 'v', 0, 1, 'n', 'o', 'p', 'e'
    };

    private static RunningBroker broker;
    private static MqttClient bystander;
    private static final BlockingQueue<String> bystanderGot = new LinkedBlockingQueue<>();

    @BeforeAll
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

    @AfterAll
    static void stop() throws Exception {
        bystander.disconnect();
        broker.close();
    }

    @FuzzTest
    void garbageAsTheFirstPacket(byte[] bytes) {
        sendThenCheckTheBystander(bytes);
    }

    @FuzzTest
    void garbageAfterAValidConnect(byte[] bytes) {
        sendThenCheckTheBystander(afterConnect(bytes));
    }

    @Test
    void generatedGarbageAsTheFirstPacket() {
        qt().withExamples(150).forAll(garbage()).checkAssert(MalformedPacketsFuzzTest::sendThenCheckTheBystander);
    }

    @Test
    void generatedGarbageAfterAValidConnect() {
        qt().withExamples(150).forAll(garbage()).checkAssert(bytes -> sendThenCheckTheBystander(afterConnect(bytes)));
    }

    @ParameterizedTest(name = "the first {0} bytes")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18})
    void aTruncatedPublish(int length) {
        sendThenCheckTheBystander(afterConnect(Arrays.copyOf(PUBLISH, length)));
    }

    private static void sendThenCheckTheBystander(byte[] bytes) {
        try {
            sendAndHangUp(bytes);
            assertTheBystanderIsServed();
        } catch (IOException | MqttException e) {
            throw new AssertionError("after sending " + HexFormat.of().formatHex(bytes), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Random bytes, or a plausible packet type followed by random bytes. */
    private static Gen<byte[]> garbage() {
        Gen<byte[]> random =
                Generate.byteArrays(Generate.range(1, 300), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
        List<Byte> types = List.of(
                (byte) 0x10,
                (byte) 0x30,
                (byte) 0x32,
                (byte) 0x82,
                (byte) 0xa2,
                (byte) 0xc0,
                (byte) 0xe0,
                (byte) 0x40,
                (byte) 0x00,
                (byte) 0xf0);
        Gen<byte[]> plausible = Generate.pick(types)
                .zip(
                        Generate.byteArrays(
                                Generate.range(0, 120), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)),
                        (type, rest) -> {
                            byte[] packet = new byte[rest.length + 1];
                            packet[0] = type;
                            System.arraycopy(rest, 0, packet, 1, rest.length);
                            return packet;
                        });
        return random.mix(plausible, 50);
    }

    private static byte[] afterConnect(byte[] bytes) {
        byte[] both = Arrays.copyOf(CONNECT, CONNECT.length + bytes.length);
        System.arraycopy(bytes, 0, both, CONNECT.length, bytes.length);
        return both;
    }

    /**
     * Sends the bytes, then half-closes: the broker has read them all before it sees the end of the stream, so when
     * it closes its side every byte has been through the decoder.
     */
    private static void sendAndHangUp(byte[] bytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", broker.plainPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            try {
                while (in.read() >= 0) {
                    // read what the broker answers until it closes
                }
            } catch (SocketTimeoutException waitingForMore) {
                // a broker still waiting for the rest of a packet is fine; hanging up ends it
            } catch (IOException reset) {
                // closed by the broker
            }
        }
    }

    private static void assertTheBystanderIsServed() throws MqttException, InterruptedException {
        assertThat(bystander.isConnected()).isTrue();
        bystanderGot.clear();
        bystander.publish("fuzz/alive", "yes".getBytes(StandardCharsets.UTF_8), 1, false);
        assertThat(bystanderGot.poll(5, TimeUnit.SECONDS)).isEqualTo("yes");
    }
}
