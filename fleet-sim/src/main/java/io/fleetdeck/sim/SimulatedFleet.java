package io.fleetdeck.sim;

import java.time.Clock;
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
 * A fleet of simulated devices for the console's demo, canaries and load tests: the devices a list of
 * {@link DeviceSpec}s describes, or {@code size} plain sensors named {@code <prefix>-001}..., alternately MQTT 3.1.1
 * and 5, each publishing telemetry {@code messagesPerSecond}. Devices start at spread-out times so their readings do
 * not all arrive at once. Owned by whoever started it; close once.
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
        List<DeviceSpec> sensors = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            sensors.add(DeviceSpec.sensor(String.format(Locale.ROOT, "%s-%03d", prefix, i), i % 2 == 0));
        }
        return start(
                endpoint,
                sensors,
                messagesPerSecond,
                identities,
                claim,
                provisioned,
                shadowTiming,
                Clock.systemUTC(),
                prefix.hashCode());
    }

    /**
     * Connects the devices {@code specs} describe; a device without a certificate provisions itself by claim first.
     * Each device's battery, offline spells and uptime follow {@code clock}, and its randomness is drawn from
     * {@code seed}, so one seed gives the same fleet.
     */
    public static SimulatedFleet start(
            FleetEndpoint endpoint,
            List<DeviceSpec> specs,
            double messagesPerSecond,
            Function<String, @Nullable DeviceIdentity> identities,
            @Nullable ClaimBundle claim,
            BiConsumer<String, DeviceIdentity> provisioned,
            ShadowTiming shadowTiming,
            Clock clock,
            long seed)
            throws Exception {
        if (messagesPerSecond <= 0 || messagesPerSecond > MAX_RATE_PER_DEVICE) {
            throw new IllegalArgumentException(
                    "a device publishes more than 0 and at most 100 messages a second, not " + messagesPerSecond);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<SimulatedDevice> devices = new ArrayList<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("simulated-fleet").factory());
        SimulatedFleet fleet = new SimulatedFleet(devices, scheduler);
        try {
            for (DeviceSpec spec : specs) {
                devices.add(new SimulatedDevice(spec, clock, random.split()));
            }
            connectAll(devices, endpoint, thing -> identityOf(thing, endpoint, identities, claim, provisioned));
            keepShadows(devices, scheduler, shadowTiming);
            long periodMicros = Math.round(1_000_000 / messagesPerSecond);
            for (int i = 0; i < devices.size(); i++) {
                SimulatedDevice device = devices.get(i);
                long offset = periodMicros * (i + 1) / Math.max(1, devices.size());
                scheduler.scheduleAtFixedRate(device::tick, offset, periodMicros, TimeUnit.MICROSECONDS);
            }
        } catch (Exception e) {
            fleet.close();
            throw e;
        }
        log.info(
                "Simulated fleet of {} devices ({}...) publishing {} messages/s each",
                devices.size(),
                devices.isEmpty() ? "none" : devices.getFirst().thingName(),
                messagesPerSecond);
        return fleet;
    }

    /** Each device reads its shadow back and starts keeping it, all at once: a round trip each, not one by one. */
    private static void keepShadows(
            List<SimulatedDevice> devices, ScheduledExecutorService scheduler, ShadowTiming timing) throws Exception {
        try (ExecutorService starting = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Void>> started = new ArrayList<>();
            for (SimulatedDevice device : devices) {
                started.add(starting.submit(() -> {
                    device.keepShadow(scheduler, timing);
                    return null;
                }));
            }
            awaitAll(started);
        }
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
            awaitAll(connected);
        }
    }

    private static void awaitAll(List<Future<Void>> tasks) throws Exception {
        for (Future<Void> each : tasks) {
            try {
                each.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
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
