package io.fleetdeck.bench.shadow;

import java.nio.charset.StandardCharsets;

/** A realistic reported-state update of a sensor, about 200 bytes, with its send time as the clientToken. */
final class ShadowPayloads {

    private ShadowPayloads() {}

    static byte[] report(long sequence, long sentNanos) {
        return ("{\"state\":{\"reported\":{\"temperature\":" + (18 + sequence % 80 / 10.0) + ",\"humidity\":"
                        + (30 + sequence % 40) + ",\"battery\":" + (100 - sequence % 100) + ",\"seq\":" + sequence
                        + ",\"status\":\"ok\",\"firmware\":\"2.4.1\",\"rssi\":-" + (40 + sequence % 50)
                        + "}},\"clientToken\":\"" + sentNanos + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The clientToken an answer echoes: the nanoTime its request was sent at, or -1. */
    static long sentNanos(byte[] answer) {
        String text = new String(answer, StandardCharsets.UTF_8);
        int key = text.indexOf("\"clientToken\":\"");
        if (key < 0) {
            return -1;
        }
        int start = key + "\"clientToken\":\"".length();
        return Long.parseLong(text, start, text.indexOf('"', start), 10);
    }
}
