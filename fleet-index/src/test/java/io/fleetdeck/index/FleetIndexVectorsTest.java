package io.fleetdeck.index;

import static io.fleetdeck.index.Things.json;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The query vectors of AWS-IOT-BEHAVIOUR §10.3 on its fixture (the aggregation vectors live elsewhere). */
class FleetIndexVectorsTest {

    private static IndexedFleet fleet;

    @BeforeAll
    static void indexTheFixture() {
        fleet = IndexedFleet.of(
                FleetDocument.builder("tv-kitchen")
                        .add("thingId", "0a1b2c3d-0001")
                        .add("thingTypeName", "TV")
                        .attribute("model", "v2")
                        .attribute("serialNumber", "abce")
                        .staticGroups("home")
                        .add("registry.version", 3)
                        .json("shadow.reported", json("{'stats':{'battery':80},'location':'NY'}"))
                        .add("shadow.hasDelta", false)
                        .add("shadow.version", 7)
                        .add("connectivity.connected", true)
                        .add("connectivity.timestamp", 1557700000000L)
                        .build(),
                FleetDocument.builder("tv-plasma")
                        .add("thingId", "0a1b2c3d-0002")
                        .add("thingTypeName", "TV")
                        .attribute("model", "legacy")
                        .attribute("serialNumber", "abcg")
                        .staticGroups("home", "legacy")
                        .add("registry.version", 1)
                        .json("shadow.reported", json("{'stats':{'battery':95}}"))
                        .json("shadow.desired", json("{'stats':{'battery':100}}"))
                        .json("shadow.delta", json("{'stats':{'battery':100}}"))
                        .add("shadow.hasDelta", true)
                        .add("shadow.version", 2)
                        .add("connectivity.connected", false)
                        .add("connectivity.timestamp", 1557800000000L)
                        .add("connectivity.disconnectReason", "CONNECTION_LOST")
                        .build(),
                FleetDocument.builder("sensor-1")
                        .add("thingTypeName", "Sensor")
                        .attribute("myAttribute", "75")
                        .add("registry.version", 1)
                        .build(),
                FleetDocument.builder("sensor-2")
                        .attribute("myAttribute", "80")
                        .add("registry.version", 1)
                        .json("shadow.reported", json("{'myvalues':[1,2,3]}"))
                        .add("shadow.hasDelta", false)
                        .add("shadow.version", 1)
                        .build(),
                FleetDocument.builder("gateway").add("registry.version", 1).build());
    }

    @AfterAll
    static void close() {
        fleet.close();
    }

    @Test
    void tvI01_namesStartingWithTv() {
        fleet.assertFinds("thingName:tv*", "tv-kitchen", "tv-plasma");
    }

    @Test
    void tvI02_tvsThatAreNotLegacy() {
        fleet.assertFinds("thingName:tv* AND NOT attributes.model:legacy", "tv-kitchen");
    }

    @Test
    void tvI03_numericAttributeRange() {
        fleet.assertFinds("attributes.myAttribute:[75 TO 80]", "sensor-1", "sensor-2");
    }

    @Test
    void tvI05_reportedBatteryAbove90() {
        fleet.assertFinds("shadow.reported.stats.battery>90", "tv-plasma");
    }

    @Test
    void tvI06_shadowWithDelta() {
        fleet.assertFinds("shadow.hasDelta:true", "tv-plasma");
    }

    @Test
    void tvI07_connectedDisconnectedOrKnown() {
        fleet.assertFinds("connectivity.connected:true", "tv-kitchen");
        fleet.assertFinds("connectivity.connected:false", "tv-plasma");
        fleet.assertFinds("connectivity.connected:*", "tv-kitchen", "tv-plasma");
    }

    @Test
    void tvI08_reportedArrayContainsTwo() {
        fleet.assertFinds("shadow.reported.myvalues:2", "sensor-2");
    }

    @Test
    void tvI10_tvsThatReportALocation() {
        fleet.assertFinds("thingTypeName:TV AND shadow.reported.location:*", "tv-kitchen");
    }

    @Test
    void tvI11_starFindsEveryThing() {
        fleet.assertFinds("*", "tv-kitchen", "tv-plasma", "sensor-1", "sensor-2", "gateway");
    }

    @Test
    void tvI14_groupMembership() {
        fleet.assertFinds("thingGroupNames:legacy", "tv-plasma");
    }

    @Test
    void tvI16_aNameIsOneWholeToken() {
        fleet.assertFinds("thingName:tv");
    }

    @Test
    void tvI18_versionsAreNotSearchable() {
        fleet.assertFinds("shadow.version:*");
        fleet.assertFinds("shadow.version:7");
        fleet.assertFinds("registry.version:[0 TO 10]");
    }
}
