package io.fleetdeck.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet of simulated devices for the console's demo, canaries and load tests: {@code size} devices named
 * {@code <prefix>-001}..., alternately MQTT 3.1.1 and 5, each publishing telemetry every {@code interval}. Devices
 * start at spread-out times so their readings do not all arrive at once. Owned by whoever started it; close once.
 */
public final class SimulatedFleet implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedFleet.class);
    /** AWS allows a connection 100 publishes a second (AWS-IOT-BEHAVIOUR §9); a device here never goes faster. */
    public static final double MAX_RATE_PER_DEVICE = 100;

    private final List<SimulatedDevice> devices;
    private final ScheduledExecutorService scheduler;

    private SimulatedFleet(List<SimulatedDevice> devices, ScheduledExecutorService scheduler) {
        this.devices = devices;
        this.scheduler = scheduler;
    }

    /**
     * Connects every device and starts their telemetry.
     *
     * @param messagesPerSecond per device, at most {@link #MAX_RATE_PER_DEVICE}
     */
    public static SimulatedFleet start(FleetEndpoint endpoint, String prefix, int size, double messagesPerSecond)
            throws Exception {
        return start(endpoint, prefix, size, messagesPerSecond, thing -> null);
    }

    /**
     * Connects every device with its own certificate and starts their telemetry.
     *
     * @param identities each device's certificate and key by thing name; null for a device without one
     */
    public static SimulatedFleet start(
            FleetEndpoint endpoint,
            String prefix,
            int size,
            double messagesPerSecond,
            Function<String, @Nullable DeviceIdentity> identities)
            throws Exception {
        return start(endpoint, prefix, size, messagesPerSecond, identities, null, (thing, identity) -> {});
    }

    /**
     * Connects every device with its own certificate; a device without one provisions itself by claim first, and
     * {@code provisioned} is told its new identity so it can be kept like a device keeps it in flash.
     */
    public static SimulatedFleet start(
            FleetEndpoint endpoint,
            String prefix,
            int size,
            double messagesPerSecond,
            Function<String, @Nullable DeviceIdentity> identities,
            @Nullable ClaimBundle claim,
            BiConsumer<String, DeviceIdentity> provisioned)
            throws Exception {
        return start(endpoint, prefix, size, messagesPerSecond, identities, claim, provisioned, ShadowTiming.DEMO);
    }

    /** As above, with the devices keeping their shadows at {@code shadowTiming}. */
    public static SimulatedFleet start(
            FleetEndpoint endpoint,
            String prefix,
            int size,
            double messagesPerSecond,
            Function<String, @Nullable DeviceIdentity> identities,
            @Nullable ClaimBundle claim,
            BiConsumer<String, DeviceIdentity> provisioned,
            ShadowTiming shadowTiming)
            throws Exception {
        if (messagesPerSecond <= 0 || messagesPerSecond > MAX_RATE_PER_DEVICE) {
            throw new IllegalArgumentException(
                    "a device publishes more than 0 and at most 100 messages a second, not " + messagesPerSecond);
        }
        SplittableRandom random = new SplittableRandom(prefix.hashCode());
        List<SimulatedDevice> devices = new ArrayList<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("simulated-fleet").factory());
        SimulatedFleet fleet = new SimulatedFleet(devices, scheduler);
        try {
            for (int i = 1; i <= size; i++) {
                devices.add(new SimulatedDevice(
                        String.format(Locale.ROOT, "%s-%03d", prefix, i), i % 2 == 0, random.split()));
            }
            connectAll(devices, endpoint, thing -> identityOf(thing, endpoint, identities, claim, provisioned));
            for (SimulatedDevice device : devices) {
                device.keepShadow(scheduler, shadowTiming);
            }
            long periodMicros = Math.round(1_000_000 / messagesPerSecond);
            for (int i = 0; i < devices.size(); i++) {
                SimulatedDevice device = devices.get(i);
                long offset = periodMicros * (i + 1) / Math.max(1, size);
                scheduler.scheduleAtFixedRate(
                        () -> device.publishTelemetry(System.currentTimeMillis()),
                        offset,
                        periodMicros,
                        TimeUnit.MICROSECONDS);
            }
        } catch (Exception e) {
            fleet.close();
            throw e;
        }
        log.info(
                "Simulated fleet of {} devices ({}-001...) publishing {} messages/s each",
                size,
                prefix,
                messagesPerSecond);
        return fleet;
    }

    /** Connects the devices at once, each on a virtual thread: a TLS handshake each, not one after the other. */
    private static void connectAll(List<SimulatedDevice> devices, FleetEndpoint endpoint, IdentitySource identities)
            throws Exception {
        try (ExecutorService connecting = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Void>> connected = new ArrayList<>();
            for (SimulatedDevice device : devices) {
                connected.add(connecting.submit(() -> {
                    device.connect(
                            endpoint,
                            TrustedTls.forDevice(endpoint.caCertificate(), identities.identityOf(device.thingName())));
                    return null;
                }));
            }
            for (Future<Void> each : connected) {
                try {
                    each.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
    }

    private static @Nullable DeviceIdentity identityOf(
            String thing,
            FleetEndpoint endpoint,
            Function<String, @Nullable DeviceIdentity> identities,
            @Nullable ClaimBundle claim,
            BiConsumer<String, DeviceIdentity> provisioned)
            throws Exception {
        DeviceIdentity known = identities.apply(thing);
        if (known != null || claim == null) {
            return known;
        }
        DeviceIdentity own = ClaimProvisioner.provision(endpoint, claim, thing);
        provisioned.accept(thing, own);
        log.debug("{} provisioned itself by claim", thing);
        return own;
    }

    /** A device's identity: what it was given, or what it got by provisioning itself. */
    private interface IdentitySource {
        @Nullable DeviceIdentity identityOf(String thing) throws Exception;
    }

    public List<String> thingNames() {
        return devices.stream().map(SimulatedDevice::thingName).toList();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try (ExecutorService closing = Executors.newVirtualThreadPerTaskExecutor()) {
            devices.forEach(device -> closing.submit(device::close));
        }
    }
}
