package io.fleetdeck.broker;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * MQTT 3.1.1 packets written and read by hand, for what no well-behaved client library will do: withhold a PUBACK, fall
 * silent, or stop reading.
 */
final class RawMqttClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    RawMqttClient(int port) throws IOException {
        this(new Socket("127.0.0.1", port));
    }

    /** Over a socket already connected, such as a TLS socket with a device certificate. */
    RawMqttClient(Socket connected) throws IOException {
        socket = connected;
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
    }

    /** CONNECT; returns CONNACK's session-present flag. */
    boolean connect(String clientId, boolean cleanSession, int keepAliveSeconds) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT");
        body.write(4);
        body.write(cleanSession ? 0x02 : 0x00);
        body.write(keepAliveSeconds >> 8);
        body.write(keepAliveSeconds & 0xff);
        writeString(body, clientId);
        packet(0x10, body.toByteArray());
        Packet connack = read();
        if (connack.type() != 0x20 || connack.body()[1] != 0) {
            throw new IOException("connection refused: " + connack);
        }
        return (connack.body()[0] & 1) == 1;
    }

    void subscribe(int packetId, String filter, int qos) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(packetId >> 8);
        body.write(packetId & 0xff);
        writeString(body, filter);
        body.write(qos);
        packet(0x82, body.toByteArray());
    }

    void ping() throws IOException {
        packet(0xc0, new byte[0]);
    }

    /** True when nothing came and the connection stayed open for the read time-out. */
    boolean silentFor() throws IOException {
        try {
            in.read(); // a byte, or the end of the stream
            return false;
        } catch (java.net.SocketTimeoutException quiet) {
            return true;
        }
    }

    void disconnect() throws IOException {
        packet(0xe0, new byte[0]);
    }

    /** The next packet from the broker. */
    Packet read() throws IOException {
        int header = in.readUnsignedByte();
        int length = 0;
        int multiplier = 1;
        int digit;
        do {
            digit = in.readUnsignedByte();
            length += (digit & 0x7f) * multiplier;
            multiplier *= 128;
        } while ((digit & 0x80) != 0);
        byte[] body = new byte[length];
        in.readFully(body);
        return new Packet(header & 0xf0, header & 0x0f, body);
    }

    /** The next packet, or null when none comes within the read time-out. */
    Packet readOrNull() throws IOException {
        try {
            return read();
        } catch (java.net.SocketTimeoutException quiet) {
            return null;
        }
    }

    void puback(int packetId) throws IOException {
        packet(0x40, new byte[] {(byte) (packetId >> 8), (byte) packetId});
    }

    /** True when the broker has closed the connection (read returns end of stream or a reset). */
    boolean closedByBroker() {
        try {
            return in.read() < 0;
        } catch (IOException reset) {
            return true;
        }
    }

    void setReadTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** One write per packet: written piecemeal, Nagle and delayed ACKs would cost tens of milliseconds a packet. */
    private void packet(int type, byte[] body) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(body.length + 5);
        frame.write(type);
        int length = body.length;
        do {
            int digit = length % 128;
            length /= 128;
            frame.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        frame.write(body, 0, body.length);
        out.write(frame.toByteArray());
        out.flush();
    }

    private static void writeString(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xff);
        out.write(bytes, 0, bytes.length);
    }

    /** A packet: its type (high nibble), flags (low nibble) and body. */
    record Packet(int type, int flags, byte[] body) {

        boolean isPublish() {
            return type == 0x30;
        }

        boolean duplicate() {
            return (flags & 0x08) != 0;
        }

        /** For a QoS 1 PUBLISH: the payload after the topic and the packet id, as text. */
        String payloadText() {
            int topicLength = ((body[0] & 0xff) << 8) | (body[1] & 0xff);
            int start = 2 + topicLength + 2;
            return new String(body, start, body.length - start, StandardCharsets.UTF_8);
        }

        /** For a QoS 1 PUBLISH: the packet id after the topic. */
        int packetId() {
            int topicLength = ((body[0] & 0xff) << 8) | (body[1] & 0xff);
            return ((body[2 + topicLength] & 0xff) << 8) | (body[3 + topicLength] & 0xff);
        }
    }
}
