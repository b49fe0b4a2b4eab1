package io.fleetdeck.sim;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one simulated device is when it is first switched on: its thing name, which MQTT it speaks, the firmware it
 * runs, its battery and how that battery moves, the settings it reports (numbers, strings or booleans), whether it
 * applies the desired state it is sent, and whether it drops off the network now and then. After its first start a
 * device takes up its firmware, battery and settings from its reported shadow instead, as a real one keeps them.
 *
 * @param followsDesired false for a device that leaves desired changes pending (waiting for a maintenance window)
 * @param offlineSpells null for a device that stays online
 */
public record DeviceSpec(
        String thingName,
        boolean mqtt5,
        String firmware,
        double battery,
        BatteryModel batteryModel,
        Map<String, Object> settings,
        boolean followsDesired,
        @Nullable OfflineSpells offlineSpells) {

    public DeviceSpec {
        if (battery < 0 || battery > BatteryModel.FULL) {
            throw new IllegalArgumentException("a battery is at 0 to 100 %, not " + battery);
        }
        settings = Map.copyOf(settings);
    }

    /** A plain sensor: firmware 1.4.2, a full battery that drains 1 % an hour, a set point of 21.0 in auto mode. */
    public static DeviceSpec sensor(String thingName, boolean mqtt5) {
        return new DeviceSpec(
                thingName,
                mqtt5,
                "1.4.2",
                BatteryModel.FULL,
                BatteryModel.draining(1),
                Map.of("setpoint", 21.0, "mode", "auto"),
                true,
                null);
    }
}
