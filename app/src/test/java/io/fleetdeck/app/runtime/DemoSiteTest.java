package io.fleetdeck.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.api.shadows.ShadowService;
import io.fleetdeck.app.runtime.DemoSite.SiteDevice;
import io.fleetdeck.app.service.LocalShadows;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.registry.Thing;
import io.fleetdeck.fleet.shadow.ShadowLimits;
import io.fleetdeck.fleet.shadow.Shadows;
import io.fleetdeck.fleet.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo site laid out in a real registry and shadow store, at a first start and at the starts after it. */
class DemoSiteTest {

    @TempDir
    Path folder;

    @Test
    void theSiteHasSomethingTrueForEveryViewToShow() {
        List<SiteDevice> devices = DemoSite.DEVICES;

        assertThat(devices).extracting(SiteDevice::name).doesNotHaveDuplicates().hasSize(12);
        assertThat(devices).extracting(SiteDevice::type).containsOnly("pump", "flow-meter", "gateway");
        assertThat(devices.stream().map(device -> device.spec().firmware()).distinct())
                .containsExactlyInAnyOrder("1.4.2", "1.5.0", "2.0.1");
        assertThat(devices)
                .filteredOn(device -> device.spec().battery() < 20)
                .extracting(SiteDevice::name)
                .containsExactly("flow-meter-103");
        assertThat(devices)
                .filteredOn(device -> device.spec().offlineSpells() != null)
                .extracting(SiteDevice::name)
                .containsExactly("flow-meter-205");
        assertThat(devices)
                .filteredOn(device -> !device.spec().followsDesired())
                .extracting(SiteDevice::name)
                .containsExactly("pump-102");
        assertThat(devices)
                .filteredOn(device -> device.spec().batteryModel().solarPeakPerHour() > 0)
                .extracting(SiteDevice::type)
                .containsOnly("gateway");
        assertThat(devices.stream()
                        .collect(Collectors.groupingBy(device -> device.spec().mqtt5())))
                .as("both MQTT versions")
                .containsOnlyKeys(true, false);
    }

    @Test
    void aFirstStartRegistersTypedThingsOnTheirFloorsAndAsksOnePumpForNewFirmware() throws Exception {
        try (Database store = Database.sqliteFile(folder.resolve("fleetdeck.db"))) {
            Registry registry = new Registry(store, Clock.systemUTC());
            Shadows shadows = new Shadows(store, Clock.systemUTC(), ShadowLimits.awsDefaults());
            ShadowService service = new LocalShadows(shadows, () -> null, registry::thingNames);

            DemoSite.layOut(registry, service);

            Thing pump = registry.thing("pump-102").orElseThrow();
            assertThat(pump.thingType()).isEqualTo("pump");
            assertThat(pump.groups()).containsExactly("floor-1");
            assertThat(pump.attributes())
                    .containsAllEntriesOf(Map.of(
                            "model", "P200", "serial", "pump-102", "site", "site-north", "firmwareVersion", "1.5.0"));
            assertThat(registry.thing("gateway-206").orElseThrow().groups()).containsExactly("floor-2");
            assertThat(registry.groupsWithAncestors("flow-meter-103")).contains("floor-1", "building-a", "site-north");
            assertThat(service.getThingShadow("pump-102", "").json()).contains("\"desired\":{\"firmware\":\"2.0.1\"}");
        }
    }

    @Test
    void aLaterStartKeepsWhatIsThereAndAsksNothingTwice() throws Exception {
        try (Database store = Database.sqliteFile(folder.resolve("fleetdeck.db"))) {
            Registry registry = new Registry(store, Clock.systemUTC());
            Shadows shadows = new Shadows(store, Clock.systemUTC(), ShadowLimits.awsDefaults());
            ShadowService service = new LocalShadows(shadows, () -> null, registry::thingNames);
            DemoSite.layOut(registry, service);
            registry.moveThing("pump-101", "floor-1", "floor-2");
            service.updateThingShadow("pump-102", "", "{\"state\":{\"desired\":{\"firmware\":null}}}");

            DemoSite.layOut(registry, service);

            assertThat(registry.thing("pump-101").orElseThrow().groups())
                    .as("where the operator moved it")
                    .containsExactly("floor-2");
            assertThat(service.getThingShadow("pump-102", "").json())
                    .as("the operator withdrew the change; the site does not ask again")
                    .doesNotContain("desired");
            assertThat(registry.things()).hasSize(DemoSite.DEVICES.size());
        }
    }
}
