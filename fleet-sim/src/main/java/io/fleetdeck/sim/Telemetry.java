package io.fleetdeck.sim;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * What a simulated device sends as telemetry: temperature drifting around its own set point, a radio signal that
 * wanders, and the battery level the device measured, the same it reports in its shadow. Owned by one device; not
 * thread-safe.
 */
final class Telemetry {

    private final RandomGenerator random;
    private final double setPoint;
    private double temperature;
    private int rssi;

    Telemetry(RandomGenerator random) {
        this.random = random;
        this.setPoint = 18 + random.nextDouble() * 8;
        this.temperature = setPoint;
        this.rssi = -50 - random.nextInt(40);
    }

    /** The next reading as JSON; {@code epochMillis} is when it was taken. */
    byte[] next(long epochMillis, double battery) {
        temperature += (setPoint - temperature) * 0.1 + random.nextGaussian() * 0.3;
        rssi = Math.clamp(rssi + random.nextInt(-2, 3), -110, -30);
        return String.format(
                        Locale.ROOT,
                        "{\"temperature\":%.2f,\"battery\":%.1f,\"rssi\":%d,\"timestamp\":%d}",
                        temperature,
                        battery,
                        rssi,
                        epochMillis)
                .getBytes(StandardCharsets.UTF_8);
    }
}
