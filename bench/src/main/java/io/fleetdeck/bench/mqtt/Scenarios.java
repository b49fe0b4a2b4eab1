package io.fleetdeck.bench.mqtt;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/** The load shapes the issue asks for, each run the same way against either broker. */
final class Scenarios {

    static final int PAYLOAD_BYTES = 200;
    /** Unacknowledged publishes a publisher keeps in flight: enough to keep the pipe full, as AWS allows 100. */
    private static final int WINDOW = 100;

    record Throughput(long sent, long delivered, double seconds) {
        double deliveredPerSecond() {
            return delivered / seconds;
        }
    }

    record Latency(long samples, double p50Millis, double p99Millis, double maxMillis) {}

    private Scenarios() {}

    /** (a) and (b): {@code publishers} clients publish {@code total} messages between them to one subscriber. */
    static Throughput fanIn(int port, int publishers, int total, int qos) throws Exception {
        return fanIn(
                clientId -> LoadClients.connect(port, clientId), "bench/in/", "bench/in/#", publishers, total, qos);
    }

    /**
     * (a) and (b) with any kind of connection: publisher {@code p} publishes to {@code topicPrefix + "bench-pub-" + p},
     * the subscriber {@code bench-sub} takes {@code filter}.
     */
    static Throughput fanIn(
            LoadClients.Connector connector, String topicPrefix, String filter, int publishers, int total, int qos)
            throws Exception {
        LongAdder delivered = new LongAdder();
        MqttAsyncClient subscriber = connector.connect("bench-sub");
        subscriber
                .subscribe(filter, qos, (topic, message) -> delivered.increment())
                .waitForCompletion();
        List<MqttAsyncClient> clients = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            clients.add(connector.connect("bench-pub-" + p));
        }
        byte[] payload = new byte[PAYLOAD_BYTES];
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            MqttAsyncClient client = clients.get(p);
            String topic = topicPrefix + "bench-pub-" + p + "/load";
            int count = total / publishers;
            threads.add(Thread.ofPlatform().start(() -> publish(client, topic, payload, qos, count)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        awaitQuiet(delivered::sum, total);
        double seconds = (System.nanoTime() - start) / 1e9;
        clients.forEach(LoadClients::close);
        LoadClients.close(subscriber);
        return new Throughput(total, delivered.sum(), seconds);
    }

    /** (c): one publisher, {@code subscribers} subscribers to the same topic. */
    static Throughput fanOut(int port, int subscribers, int messages, int qos) throws Exception {
        LongAdder delivered = new LongAdder();
        List<MqttAsyncClient> clients = new ArrayList<>();
        for (int s = 0; s < subscribers; s++) {
            MqttAsyncClient client = LoadClients.connect(port, "bench-fan-" + s);
            client.subscribe("bench/out", qos, (topic, message) -> delivered.increment())
                    .waitForCompletion();
            clients.add(client);
        }
        MqttAsyncClient publisher = LoadClients.connect(port, "bench-fan-pub");
        long start = System.nanoTime();
        publish(publisher, "bench/out", new byte[PAYLOAD_BYTES], qos, messages);
        long expected = (long) messages * subscribers;
        awaitQuiet(delivered::sum, expected);
        double seconds = (System.nanoTime() - start) / 1e9;
        LoadClients.close(publisher);
        clients.forEach(LoadClients::close);
        return new Throughput(expected, delivered.sum(), seconds);
    }

    /** (d): a steady {@code rate} messages/s at QoS 0 for {@code seconds}; the first second is warm-up. */
    static Latency latency(int port, int rate, int seconds) throws Exception {
        return latency(port, rate, seconds, 0);
    }

    /**
     * (d) and (g): a steady {@code rate} messages/s at {@code qos} for {@code seconds}, the first second warm-up; a
     * message's latency runs from its publish to its arrival at the subscribing application (for QoS 2, Paho hands it
     * over once the broker's PUBREL has come: the whole exchange on the subscriber's side).
     */
    static Latency latency(int port, int rate, int seconds, int qos) throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicLong received = new AtomicLong();
        MqttAsyncClient subscriber = LoadClients.connect(port, "bench-lat-sub");
        subscriber
                .subscribe("bench/latency", qos, (topic, message) -> {
                    long sent = ByteBuffer.wrap(message.getPayload()).getLong();
                    int index = (int) ByteBuffer.wrap(message.getPayload()).getLong(8);
                    latencies[index] = System.nanoTime() - sent;
                    received.incrementAndGet();
                })
                .waitForCompletion();
        MqttAsyncClient publisher = LoadClients.connect(port, "bench-lat-pub");
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES);
            payload.putLong(System.nanoTime()).putLong(i);
            MqttMessage message = new MqttMessage(payload.array());
            message.setQos(qos);
            publisher.publish("bench/latency", message);
        }
        awaitQuiet(received::get, total);
        LoadClients.close(publisher);
        LoadClients.close(subscriber);
        long[] measured = Arrays.stream(latencies, rate, total)
                .filter(l -> l > 0)
                .sorted()
                .toArray();
        return new Latency(
                measured.length,
                measured[measured.length / 2] / 1e6,
                measured[(int) (measured.length * 0.99)] / 1e6,
                measured[measured.length - 1] / 1e6);
    }

    private static void publish(MqttAsyncClient client, String topic, byte[] payload, int qos, int count) {
        Semaphore window = new Semaphore(WINDOW);
        IMqttActionListener release = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable problem) {
                window.release();
            }
        };
        try {
            for (int i = 0; i < count; i++) {
                window.acquire();
                client.publish(topic, payload, qos, false, null, release);
            }
            window.acquire(WINDOW);
        } catch (Exception e) {
            throw new IllegalStateException("publishing to " + topic + " failed", e);
        }
    }

    /** Waits until {@code expected} messages have arrived, or no more have come for three seconds. */
    private static void awaitQuiet(LongSupplier counter, long expected) throws InterruptedException {
        long last = -1;
        long quietSince = System.nanoTime();
        while (counter.getAsLong() < expected) {
            long now = counter.getAsLong();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(3)) {
                return;
            }
            Thread.sleep(5);
        }
    }
}
