package io.fleetdeck.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A simulated device's side of its shadows, as device firmware keeps them: it reports its state when it connects
 * (classic shadow: firmware, setpoint, mode; named shadow {@code config}: sample interval), and when a delta arrives it
 * applies it after {@code actDelay} — the time a real device takes to act — and reports the new state; its battery and
 * uptime it reports every so often on its own.
 */
final class DeviceShadow {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String thingName;
    private final ObjectNode reported = JSON.createObjectNode();
    private final BiConsumer<String, byte[]> publish;
    private final ScheduledExecutorService scheduler;
    private final long actDelayMillis;

    DeviceShadow(
            String thingName,
            BiConsumer<String, byte[]> publish,
            ScheduledExecutorService scheduler,
            long actDelayMillis) {
        this.thingName = thingName;
        this.publish = publish;
        this.scheduler = scheduler;
        this.actDelayMillis = actDelayMillis;
        reported.put("firmware", "1.4.2");
        reported.put("setpoint", 21.0);
        reported.put("mode", "auto");
        reported.put("battery", 100.0);
    }

    String deltaTopic() {
        return "$aws/things/" + thingName + "/shadow/update/delta";
    }

    /** The reports a device sends when it comes online. */
    void reportOnConnect() {
        report("$aws/things/" + thingName + "/shadow/update", reported);
        ObjectNode config = JSON.createObjectNode().put("sampleIntervalSeconds", 5);
        report("$aws/things/" + thingName + "/shadow/name/config/update", config);
    }

    /**
     * Reports the readings that change by themselves every {@code period}, as devices do without being asked: the
     * battery draining a little and the uptime.
     */
    void reportEvery(Duration period) {
        long started = System.nanoTime();
        scheduler.scheduleAtFixedRate(
                () -> {
                    ObjectNode readings = JSON.createObjectNode();
                    synchronized (reported) {
                        double battery = Math.max(5, reported.path("battery").asDouble(100) - 0.1);
                        reported.put("battery", Math.round(battery * 10) / 10.0);
                        reported.put("uptimeSeconds", (System.nanoTime() - started) / 1_000_000_000L);
                        readings.set("battery", reported.get("battery"));
                        readings.set("uptimeSeconds", reported.get("uptimeSeconds"));
                    }
                    report("$aws/things/" + thingName + "/shadow/update", readings);
                },
                period.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A delta from the shadow service: act on it a little later, then report what the device now is. */
    void onDelta(byte[] payload) {
        JsonNode delta;
        try {
            delta = JSON.readTree(payload).path("state");
        } catch (IOException malformed) {
            return; // a device ignores what it cannot read
        }
        if (!delta.isObject()) {
            return;
        }
        scheduler.schedule(
                () -> {
                    ObjectNode changed = JSON.createObjectNode();
                    delta.fields().forEachRemaining(field -> {
                        synchronized (reported) {
                            reported.set(field.getKey(), field.getValue());
                        }
                        changed.set(field.getKey(), field.getValue());
                    });
                    report("$aws/things/" + thingName + "/shadow/update", changed);
                },
                actDelayMillis,
                TimeUnit.MILLISECONDS);
    }

    private void report(String topic, ObjectNode state) {
        ObjectNode update = JSON.createObjectNode();
        update.putObject("state").set("reported", state.deepCopy());
        publish.accept(topic, update.toString().getBytes(StandardCharsets.UTF_8));
    }
}
