package io.fleetdeck.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated device: a real MQTT client (Paho, 3.1.1 or 5) over TLS, its client id its thing name, publishing
 * telemetry to {@code dt/<thing>/telemetry}, inside what the default device policy grants a thing
 * ({@code dt/<thing>/#}), and keeping its shadow. At start it reads its shadow back, as firmware does over the shadow
 * {@code get} topic, and goes on from there. Each {@link #tick} it measures its battery and sends the one reading to
 * its shadow (when it changed) and its telemetry; a device with offline spells disconnects cleanly when one begins and
 * connects again when it ends. Started and stopped by its {@link SimulatedFleet}; ticks run on the fleet's scheduler
 * thread, a reconnection on a virtual thread of its own.
 */
final class SimulatedDevice implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedDevice.class);
    private static final long SHADOW_READ_SECONDS = 10;

    private final DeviceSpec spec;
    private final Clock clock;
    private final Telemetry telemetry;
    private final Battery battery;
    private final OfflineSpells.@Nullable Schedule spells;
    private @Nullable DeviceShadow shadow;
    private @Nullable FleetEndpoint endpoint;
    private @Nullable SSLSocketFactory tls;
    /* null while offline; replaced by a virtual thread when the device comes back, read on the scheduler thread */
    private volatile @Nullable DeviceLink link;
    private volatile boolean reconnecting;
    private volatile boolean closed;

    SimulatedDevice(DeviceSpec spec, Clock clock, RandomGenerator random) {
        this.spec = spec;
        this.clock = clock;
        this.telemetry = new Telemetry(random);
        this.battery = new Battery(spec.batteryModel(), clock, spec.battery());
        OfflineSpells offline = spec.offlineSpells();
        this.spells = offline == null
                ? null
                : offline.from(clock.instant(), spec.thingName().hashCode());
    }

    String thingName() {
        return spec.thingName();
    }

    String telemetryTopic() {
        return "dt/" + spec.thingName() + "/telemetry";
    }

    void connect(FleetEndpoint endpoint, SSLSocketFactory tls) throws Exception {
        this.endpoint = endpoint;
        this.tls = tls;
        link = DeviceLink.connect(endpoint, spec.thingName(), spec.mqtt5(), tls);
    }

    /**
     * Keeps the device's shadows from now on: takes up what it last reported, follows the deltas it is sent, reports
     * its state, and applies a delta that waited for it while it was off.
     */
    void keepShadow(ScheduledExecutorService scheduler, ShadowTiming timing) throws Exception {
        DeviceLink connected = requireLink();
        DeviceShadow own = new DeviceShadow(
                spec,
                clock,
                this::publishAtLeastOnce,
                scheduler,
                timing.actDelay().toMillis());
        shadow = own;
        // every subscription before the first answer: Paho 5 cannot take a new one while it delivers a message
        connected.subscribe(own.topic("update/delta"), own::onDelta);
        byte @Nullable [] document = readShadow(connected, own);
        JsonNode waiting = own.resume(document);
        battery.resume(own.battery());
        own.reportOnConnect();
        own.actOn(waiting);
        own.reportEvery(timing.reportEvery());
    }

    /** The shadow document as {@code get} answers it; null when the device has none yet, or no answer came. */
    private byte @Nullable [] readShadow(DeviceLink connected, DeviceShadow own) throws Exception {
        CompletableFuture<byte @Nullable []> answer = new CompletableFuture<>();
        connected.subscribe(own.topic("get/accepted"), answer::complete);
        connected.subscribe(own.topic("get/rejected"), rejected -> answer.complete(null));
        connected.publish(own.topic("get"), "{}".getBytes(StandardCharsets.UTF_8), 1);
        try {
            return answer.get(SHADOW_READ_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("{} got no answer to its shadow get; it starts as it was first switched on", spec.thingName());
            return null;
        }
    }

    /**
     * One beat of the device: it measures its battery, reports it to its shadow when it changed, and publishes the
     * same reading as telemetry at QoS 0; during an offline spell it is disconnected and sends nothing.
     */
    void tick() {
        if (!online()) {
            return;
        }
        double level = battery.measure();
        DeviceShadow own = shadow;
        if (own != null) {
            own.measured(level);
        }
        DeviceLink connected = link;
        if (connected != null) {
            connected.publish(telemetryTopic(), telemetry.next(clock.millis(), level), 0);
        }
    }

    /** Whether the device is online now; begins or ends an offline spell when one is due. */
    private boolean online() {
        var offline = spells;
        if (offline == null) {
            return true;
        }
        boolean wanted = offline.onlineAt(clock.instant());
        DeviceLink connected = link;
        if (!wanted && connected != null) {
            link = null;
            connected.close();
            log.debug("{} goes offline for a while", spec.thingName());
        } else if (wanted && connected == null && !reconnecting) {
            reconnecting = true;
            Thread.ofVirtual().name("reconnect-" + spec.thingName()).start(this::reconnect);
        }
        return wanted && link != null;
    }

    private void reconnect() {
        try {
            FleetEndpoint where = Objects.requireNonNull(endpoint, "connected once");
            DeviceLink fresh = DeviceLink.connect(where, spec.thingName(), spec.mqtt5(), requireTls());
            DeviceShadow own = shadow;
            if (own != null) {
                fresh.subscribe(own.topic("update/delta"), own::onDelta);
            }
            if (closed) {
                fresh.close();
                return;
            }
            link = fresh;
            if (own != null) {
                own.reportOnConnect();
            }
            log.debug("{} is back online", spec.thingName());
        } catch (Exception e) {
            log.debug("{} could not come back online yet: {}", spec.thingName(), e.toString());
        } finally {
            reconnecting = false;
        }
    }

    private SSLSocketFactory requireTls() {
        return Objects.requireNonNull(tls, "connected once");
    }

    private DeviceLink requireLink() {
        DeviceLink connected = link;
        if (connected == null) {
            throw new IllegalStateException(spec.thingName() + " keeps its shadow only once connected");
        }
        return connected;
    }

    private void publishAtLeastOnce(String topic, byte[] payload) {
        DeviceLink connected = link;
        if (connected != null) {
            connected.publish(topic, payload, 1);
        }
    }

    @Override
    public void close() {
        closed = true;
        DeviceLink connected = link;
        link = null;
        if (connected != null) {
            connected.close();
        }
    }
}
