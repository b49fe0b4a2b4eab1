package io.fleetdeck.app.runtime;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.shadows.ShadowService;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.registry.RegistryException;
import io.fleetdeck.sim.BatteryModel;
import io.fleetdeck.sim.DeviceSpec;
import io.fleetdeck.sim.OfflineSpells;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo fleet's site, laid out the way a small plant is: site-north / building-a / floor-1 and floor-2, with pumps,
 * flow meters and solar gateways of a few models and firmware versions. Each view has something true to show: one
 * flow meter's battery is low, one drops off the network now and then, one pump leaves a firmware change pending for
 * its maintenance window, the gateways charge by day. What is already there is kept: a restarted site goes on.
 */
final class DemoSite {

    private static final Logger log = LoggerFactory.getLogger(DemoSite.class);

    static final String SITE = "site-north";
    /** The firmware a device was delivered with, as the registry records it; the shadow says what it runs now. */
    private static final String FIRMWARE_ATTRIBUTE = "firmwareVersion";
    /** The firmware the pump waiting for its maintenance window is asked to take. */
    static final String PENDING_FIRMWARE = "2.0.1";

    /** One device of the site: its thing type, model and floor, and how it behaves. */
    record SiteDevice(String type, String model, String floor, DeviceSpec spec) {

        String name() {
            return spec.thingName();
        }
    }

    private static final Map<String, String> TYPES = Map.of(
            "pump", "Circulation pumps, battery-backed controller",
            "flow-meter", "Battery-powered flow meters",
            "gateway", "Solar-powered LTE gateways");

    private static final OfflineSpells WEAK_SIGNAL = new OfflineSpells(
            Duration.ofMinutes(3), Duration.ofMinutes(8), Duration.ofMinutes(1), Duration.ofMinutes(3));

    static final List<SiteDevice> DEVICES = List.of(
            pump("pump-101", "P200", "floor-1", "1.5.0", 86, 0.4, true),
            pump("pump-102", "P200", "floor-1", "1.5.0", 71, 0.4, false),
            meter("flow-meter-103", "FM-20", "floor-1", "1.4.2", 14, 0.05, null),
            meter("flow-meter-104", "FM-20", "floor-1", "1.4.2", 63, 0.2, null),
            meter("flow-meter-105", "FM-30", "floor-1", "2.0.1", 92, 0.2, null),
            gateway("gateway-106", "floor-1", "2.0.1", 77),
            pump("pump-201", "P200", "floor-2", "1.5.0", 54, 0.4, true),
            pump("pump-202", "P300", "floor-2", "2.0.1", 95, 0.6, true),
            pump("pump-203", "P300", "floor-2", "2.0.1", 38, 0.6, true),
            meter("flow-meter-204", "FM-20", "floor-2", "1.4.2", 47, 0.2, null),
            meter("flow-meter-205", "FM-30", "floor-2", "1.5.0", 81, 0.2, WEAK_SIGNAL),
            gateway("gateway-206", "floor-2", "1.5.0", 58));

    private DemoSite() {}

    static List<DeviceSpec> specs() {
        return DEVICES.stream().map(SiteDevice::spec).toList();
    }

    /**
     * Puts in the registry what is not there yet: the groups, the thing types, each device as a thing of its type
     * with its model, serial, site and delivered firmware (before it provisions itself by claim, which keeps them), on its floor; and on
     * the pump that waits for its maintenance window, the firmware change it has been asked for.
     */
    static void layOut(Registry registry, ShadowService shadows) {
        try {
            ensureGroup(registry, SITE, null);
            ensureGroup(registry, "building-a", SITE);
            ensureGroup(registry, "floor-1", "building-a");
            ensureGroup(registry, "floor-2", "building-a");
            for (Map.Entry<String, String> type : TYPES.entrySet()) {
                ensureThingType(registry, type.getKey(), type.getValue());
            }
            for (SiteDevice device : DEVICES) {
                if (registry.thing(device.name()).isEmpty()) {
                    registry.createThing(
                            device.name(),
                            device.type(),
                            Map.of(
                                    "model",
                                    device.model(),
                                    "serial",
                                    device.name(),
                                    "site",
                                    SITE,
                                    FIRMWARE_ATTRIBUTE,
                                    device.spec().firmware()));
                    registry.addThingToGroup(device.floor(), device.name());
                    if (!device.spec().followsDesired()) {
                        askForFirmware(shadows, device.name());
                    }
                }
            }
        } catch (RegistryException e) {
            log.warn("Could not lay out the demo site: {}", e.getMessage());
        }
    }

    private static void askForFirmware(ShadowService shadows, String thing) {
        try {
            shadows.updateThingShadow(
                    thing, "", "{\"state\":{\"desired\":{\"firmware\":\"" + PENDING_FIRMWARE + "\"}}}");
        } catch (FleetApiException e) {
            log.warn("Could not ask {} for firmware {}: {}", thing, PENDING_FIRMWARE, e.getMessage());
        }
    }

    private static void ensureGroup(Registry registry, String name, @Nullable String parent) throws RegistryException {
        if (registry.thingGroup(name).isEmpty()) {
            registry.createThingGroup(name, parent, Map.of());
        }
    }

    private static void ensureThingType(Registry registry, String name, String description) throws RegistryException {
        try {
            registry.createThingType(name, description, List.of("model", "serial", "site"));
        } catch (RegistryException e) {
            if (!RegistryException.ALREADY_EXISTS.equals(e.code())) {
                throw e;
            }
        }
    }

    private static SiteDevice pump(
            String name, String model, String floor, String firmware, double battery, double drain, boolean follows) {
        return new SiteDevice(
                "pump",
                model,
                floor,
                new DeviceSpec(
                        name,
                        speaksMqtt5(name),
                        firmware,
                        battery,
                        BatteryModel.draining(drain),
                        Map.of("speedRpm", 1450, "mode", "auto"),
                        follows,
                        null));
    }

    private static SiteDevice meter(
            String name,
            String model,
            String floor,
            String firmware,
            double battery,
            double drain,
            @Nullable OfflineSpells spells) {
        return new SiteDevice(
                "flow-meter",
                model,
                floor,
                new DeviceSpec(
                        name,
                        speaksMqtt5(name),
                        firmware,
                        battery,
                        BatteryModel.draining(drain),
                        Map.of("unit", "m3/h", "alarmAboveM3h", 40.0),
                        true,
                        spells));
    }

    /** Half the site speaks MQTT 5, half 3.1.1, as a fleet of several device generations does: by the last digit. */
    private static boolean speaksMqtt5(String name) {
        return (name.charAt(name.length() - 1) - '0') % 2 == 0;
    }

    /** A gateway on a solar panel: it draws 1.5 %/h and charges up to 4 %/h at noon. */
    private static SiteDevice gateway(String name, String floor, String firmware, double battery) {
        return new SiteDevice(
                "gateway",
                "GW-S1",
                floor,
                new DeviceSpec(
                        name,
                        true,
                        firmware,
                        battery,
                        BatteryModel.solar(1.5, 4),
                        Map.of("uplink", "lte", "mode", "auto"),
                        true,
                        null));
    }
}
