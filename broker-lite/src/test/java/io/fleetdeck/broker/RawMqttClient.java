package io.fleetdeck.broker;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * MQTT 3.1.1 packets (and a few MQTT 5 ones) written and read by hand, for what no well-behaved client library will do:
 * withhold a PUBACK, PUBREC or PUBCOMP, drop in the middle of a QoS 2 exchange, fall silent, or stop reading.
 */
final class RawMqttClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private boolean mqtt5;

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

    /**
     * MQTT 5 CONNECT with a Session Expiry Interval and a Receive Maximum (MQTT 5 §3.1.2.11); returns CONNACK, or
     * throws when it refuses.
     */
    Packet connect5(String clientId, boolean cleanStart, long sessionExpirySeconds, int receiveMaximum)
            throws IOException {
        return connect5(clientId, cleanStart, sessionExpirySeconds, receiveMaximum, true);
    }

    /** As above; with {@code problemInformation} false, Request Problem Information 0 (MQTT 5 §3.1.2.11.7). */
    Packet connect5(
            String clientId,
            boolean cleanStart,
            long sessionExpirySeconds,
            int receiveMaximum,
            boolean problemInformation)
            throws IOException {
        mqtt5 = true;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT");
        body.write(5);
        body.write(cleanStart ? 0x02 : 0x00);
        body.write(0);
        body.write(60);
        ByteArrayOutputStream properties = new ByteArrayOutputStream();
        properties.write(0x11);
        writeInt(properties, sessionExpirySeconds);
        properties.write(0x21);
        properties.write(receiveMaximum >> 8);
        properties.write(receiveMaximum & 0xff);
        if (!problemInformation) {
            properties.write(0x17);
            properties.write(0);
        }
        writeVariableInt(body, properties.size());
        body.write(properties.toByteArray());
        writeString(body, clientId);
        packet(0x10, body.toByteArray());
        Packet connack = read();
        if (connack.type() != 0x20 || connack.body()[1] != 0) {
            throw new IOException("connection refused: " + connack);
        }
        return connack;
    }

    /** PUBLISH at QoS 1 or 2 with {@code packetId} (0 for QoS 0), DUP set when {@code duplicate}. */
    void publish(int packetId, String topic, int qos, boolean duplicate, String payload) throws IOException {
        publish(packetId, topic, qos, duplicate, payload, 0);
    }

    /** As {@link #publish(int, String, int, boolean, String)}, on MQTT 5 with a Topic Alias when it is not 0. */
    void publish(int packetId, String topic, int qos, boolean duplicate, String payload, int topicAlias)
            throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, topic);
        if (qos > 0) {
            body.write(packetId >> 8);
            body.write(packetId & 0xff);
        }
        if (mqtt5) {
            if (topicAlias == 0) {
                body.write(0);
            } else {
                body.write(3);
                body.write(0x23);
                body.write(topicAlias >> 8);
                body.write(topicAlias & 0xff);
            }
        }
        body.writeBytes(payload.getBytes(StandardCharsets.UTF_8));
        packet(0x30 | (duplicate ? 0x08 : 0) | (qos << 1), body.toByteArray());
    }

    void puback(int packetId) throws IOException {
        packet(0x40, packetIdBody(packetId));
    }

    void pubrec(int packetId) throws IOException {
        packet(0x50, packetIdBody(packetId));
    }

    /** PUBREL, whose fixed header flags must be 0010 (MQTT 3.1.1 §3.6.1). */
    void pubrel(int packetId) throws IOException {
        packet(0x62, packetIdBody(packetId));
    }

    void pubcomp(int packetId) throws IOException {
        packet(0x70, packetIdBody(packetId));
    }

    void ping() throws IOException {
        packet(0xc0, new byte[0]);
    }

    /** The next packet that is not a PINGRESP. */
    Packet readSkippingPings() throws IOException {
        Packet next = read();
        while (next.type() == 0xd0) {
            next = read();
        }
        return next;
    }

    void subscribe(int packetId, String filter, int qos) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(packetId >> 8);
        body.write(packetId & 0xff);
        if (mqtt5) {
            body.write(0);
        }
        writeString(body, filter);
        body.write(qos);
        packet(0x82, body.toByteArray());
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

    private static byte[] packetIdBody(int packetId) {
        return new byte[] {(byte) (packetId >> 8), (byte) packetId};
    }

    private static void writeInt(ByteArrayOutputStream out, long value) {
        out.write((int) (value >> 24) & 0xff);
        out.write((int) (value >> 16) & 0xff);
        out.write((int) (value >> 8) & 0xff);
        out.write((int) value & 0xff);
    }

    private static void writeVariableInt(ByteArrayOutputStream out, int value) {
        do {
            int digit = value % 128;
            value /= 128;
            out.write(value > 0 ? digit | 0x80 : digit);
        } while (value > 0);
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

        /** For an MQTT 3.1.1 QoS 1 PUBLISH: the payload after the topic and the packet id, as text. */
        String payloadText() {
            int topicLength = ((body[0] & 0xff) << 8) | (body[1] & 0xff);
            int start = 2 + topicLength + 2;
            return new String(body, start, body.length - start, StandardCharsets.UTF_8);
        }

        int qos() {
            return (flags >> 1) & 0x03;
        }

        /** For a QoS 1 or 2 PUBLISH, the packet id after the topic; for PUBACK, PUBREC, PUBREL, PUBCOMP, the first. */
        int packetId() {
            if (!isPublish()) {
                return ((body[0] & 0xff) << 8) | (body[1] & 0xff);
            }
            int topicLength = ((body[0] & 0xff) << 8) | (body[1] & 0xff);
            return ((body[2 + topicLength] & 0xff) << 8) | (body[3 + topicLength] & 0xff);
        }

        String topic() {
            int topicLength = ((body[0] & 0xff) << 8) | (body[1] & 0xff);
            return new String(body, 2, topicLength, StandardCharsets.UTF_8);
        }

        /** For an MQTT 3.1.1 PUBLISH: the payload after the topic and, from QoS 1, the packet id. */
        String payload311() {
            int start = 2 + (((body[0] & 0xff) << 8) | (body[1] & 0xff)) + (qos() > 0 ? 2 : 0);
            return new String(body, start, body.length - start, StandardCharsets.UTF_8);
        }

        /** For an MQTT 5 PUBACK, PUBREC, PUBREL or PUBCOMP: its reason code, success when left out (§3.4.2.1). */
        int reasonCode() {
            return body.length > 2 ? body[2] & 0xff : 0;
        }

        String name() {
            return switch (type) {
                case 0x30 -> "PUBLISH";
                case 0x40 -> "PUBACK";
                case 0x50 -> "PUBREC";
                case 0x60 -> "PUBREL";
                case 0x70 -> "PUBCOMP";
                case 0x90 -> "SUBACK";
                case 0xd0 -> "PINGRESP";
                case 0xe0 -> "DISCONNECT";
                default -> "type " + type;
            };
        }

        @Override
        public String toString() {
            return name()
                    + (isPublish() ? " q" + qos() + (duplicate() ? " dup" : "") : "")
                    + (type >= 0x30 && type <= 0x70 && body.length >= 2 ? " id " + packetId() : "");
        }
    }
}
