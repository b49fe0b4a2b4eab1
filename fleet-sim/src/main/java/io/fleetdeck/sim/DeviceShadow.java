package io.fleetdeck.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A simulated device's side of its shadows, as device firmware keeps them. At start it takes up what it last reported
 * (firmware, battery, settings, operating time), so a restart continues where it left off; it reports its state when
 * it connects (classic shadow; named shadow {@code config}: sample interval); it reports its battery each time a
 * measurement changes it, so the shadow holds what the device last measured; and uptime and operating time every so
 * often. A device that follows desired state applies a delta after {@code actDelay}, the time a real device takes to
 * act, and reports the new state, which clears the delta (AWS-IOT-BEHAVIOUR §1.6); one that does not leaves it
 * pending. Delta and report callbacks run on the fleet's scheduler thread and Paho's; the reported state is kept under
 * its own lock.
 */
final class DeviceShadow {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String thingName;
    private final boolean followsDesired;
    private final Clock clock;
    private final ObjectNode reported = JSON.createObjectNode();
    private final BiConsumer<String, byte[]> publish;
    private final ScheduledExecutorService scheduler;
    private final long actDelayMillis;
    private final Instant bootedAt;
    private long operatingSecondsAtBoot;

    DeviceShadow(
            DeviceSpec spec,
            Clock clock,
            BiConsumer<String, byte[]> publish,
            ScheduledExecutorService scheduler,
            long actDelayMillis) {
        this.thingName = spec.thingName();
        this.followsDesired = spec.followsDesired();
        this.clock = clock;
        this.publish = publish;
        this.scheduler = scheduler;
        this.actDelayMillis = actDelayMillis;
        this.bootedAt = clock.instant();
        reported.put("firmware", spec.firmware());
        reported.put("battery", spec.battery());
        for (Map.Entry<String, Object> setting : spec.settings().entrySet()) {
            reported.set(setting.getKey(), JSON.valueToTree(setting.getValue()));
        }
        reported.put("uptimeSeconds", 0);
        reported.put("operatingSeconds", 0);
    }

    String topic(String suffix) {
        return "$aws/things/" + thingName + "/shadow/" + suffix;
    }

    /**
     * Takes up the device's state from its shadow document as {@code get} answered it (null when it has none yet), and
     * returns the delta that waits for it (an empty object when none). Uptime starts again; operating time goes on.
     */
    JsonNode resume(byte @Nullable [] document) {
        if (document == null) {
            return JSON.createObjectNode();
        }
        JsonNode state;
        try {
            state = JSON.readTree(document).path("state");
        } catch (IOException malformed) {
            return JSON.createObjectNode();
        }
        synchronized (reported) {
            state.path("reported").properties().forEach(field -> {
                if (!field.getKey().equals("uptimeSeconds")
                        && sameKind(reported.get(field.getKey()), field.getValue())) {
                    reported.set(field.getKey(), field.getValue());
                }
            });
            operatingSecondsAtBoot = reported.path("operatingSeconds").asLong();
        }
        return state.path("delta").isObject() ? state.path("delta") : JSON.createObjectNode();
    }

    /** The battery level the device last measured. */
    double battery() {
        synchronized (reported) {
            return reported.path("battery").asDouble();
        }
    }

    /** The reports a device sends when it comes online. */
    void reportOnConnect() {
        ObjectNode all;
        synchronized (reported) {
            readClocks();
            all = reported.deepCopy();
        }
        report("update", all);
        report("name/config/update", JSON.createObjectNode().put("sampleIntervalSeconds", 5));
    }

    /** A battery measurement: reported the moment it differs from what the shadow holds. */
    void measured(double battery) {
        synchronized (reported) {
            if (reported.path("battery").asDouble() == battery) {
                return;
            }
            reported.put("battery", battery);
        }
        report("update", JSON.createObjectNode().put("battery", battery));
    }

    /** Reports uptime and operating time every {@code period}, as devices do without being asked. */
    void reportEvery(Duration period) {
        scheduler.scheduleAtFixedRate(
                () -> {
                    ObjectNode clocks = JSON.createObjectNode();
                    synchronized (reported) {
                        readClocks();
                        clocks.set("uptimeSeconds", reported.get("uptimeSeconds"));
                        clocks.set("operatingSeconds", reported.get("operatingSeconds"));
                    }
                    report("update", clocks);
                },
                period.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A delta from the shadow service: acted on a little later, unless this device leaves it pending. */
    void onDelta(byte[] payload) {
        JsonNode delta;
        try {
            delta = JSON.readTree(payload).path("state");
        } catch (IOException malformed) {
            return; // a device ignores what it cannot read
        }
        actOn(delta);
    }

    /** Applies {@code delta} after the act delay and reports what the device now is, which clears the delta. */
    void actOn(JsonNode delta) {
        if (!followsDesired || !delta.isObject() || delta.isEmpty()) {
            return;
        }
        scheduler.schedule(
                () -> {
                    ObjectNode changed = JSON.createObjectNode();
                    synchronized (reported) {
                        delta.properties().forEach(field -> reported.set(field.getKey(), field.getValue()));
                    }
                    delta.properties().forEach(field -> changed.set(field.getKey(), field.getValue()));
                    report("update", changed);
                },
                actDelayMillis,
                TimeUnit.MILLISECONDS);
    }

    private void readClocks() {
        long up = Math.max(0, Duration.between(bootedAt, clock.instant()).toSeconds());
        reported.put("uptimeSeconds", up);
        reported.put("operatingSeconds", operatingSecondsAtBoot + up);
    }

    /** A value read back replaces the device's own only when it is the same kind: a number stays a number. */
    private static boolean sameKind(@Nullable JsonNode own, JsonNode readBack) {
        return own == null || own.getNodeType() == readBack.getNodeType();
    }

    private void report(String suffix, ObjectNode state) {
        ObjectNode update = JSON.createObjectNode();
        update.putObject("state").set("reported", state);
        publish.accept(topic(suffix), update.toString().getBytes(StandardCharsets.UTF_8));
    }
}
