package io.fleetdeck.bench.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;

/**
 * A steady stream of telemetry into a running broker, for watching the console under load: {@code --clients} devices
 * on the plain port publish JSON at {@code --rate} messages/s in all, QoS 0, for {@code --seconds}, then stop. Prints
 * what it sent each second.
 *
 * <p>Run: {@code bench/run load --port 1883 --rate 5000 --seconds 60} against {@code fleetdeck --mqtt-port 1883}.
 */
public final class SteadyLoad {

    private SteadyLoad() {}

    public static void main(String[] args) throws Exception {
        int port = 1883;
        int rate = 5000;
        int seconds = 60;
        int clientCount = 50;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--clients" -> clientCount = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<MqttAsyncClient> clients = new ArrayList<>();
        for (int c = 0; c < clientCount; c++) {
            clients.add(LoadClients.connect(port, String.format(Locale.ROOT, "load-sensor-%03d", c)));
        }
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        long sentThisSecond = 0;
        long secondStart = start;
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            int c = (int) (i % clientCount);
            String topic = String.format(Locale.ROOT, "dt/load-sensor-%03d/telemetry", c);
            String payload = String.format(
                    Locale.ROOT, "{\"seq\":%d,\"temperature\":%.1f,\"battery\":%d}", i, 20 + (i % 70) / 10.0, 90 - c);
            clients.get(c).publish(topic, payload.getBytes(StandardCharsets.UTF_8), 0, false);
            sentThisSecond++;
            if (System.nanoTime() - secondStart >= 1_000_000_000L) {
                System.out.printf(Locale.ROOT, "%d msg/s%n", sentThisSecond);
                sentThisSecond = 0;
                secondStart = System.nanoTime();
            }
        }
        clients.forEach(LoadClients::close);
    }
}
