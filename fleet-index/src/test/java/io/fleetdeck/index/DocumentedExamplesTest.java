package io.fleetdeck.index;

import static io.fleetdeck.index.Things.json;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every example query of the table in AWS-IOT-BEHAVIOUR §3.3, on a fleet built so that each example has
 * things it must find and near misses it must not.
 */
class DocumentedExamplesTest {

    private static final List<String> EVERY_THING = List.of(
            "myThingName",
            "myThingName2",
            "abc",
            "abcd",
            "iot-hub",
            "input-panel",
            "iota-node",
            "tv-kitchen",
            "tv-bedroom",
            "tv-plasma");

    private static IndexedFleet fleet;

    @BeforeAll
    static void indexTheFleet() {
        fleet = IndexedFleet.of(
                FleetDocument.builder("myThingName")
                        .add("thingTypeName", "aa")
                        .attribute("myAttribute", "75")
                        .attribute("serialNumber", "abcd")
                        .attribute("attr1", "abc")
                        .attribute("attr2", "3")
                        .attribute("attr3", "12")
                        .attribute("model", "legacy")
                        .staticGroups("my-group", "a")
                        .json("shadow.reported", json("{'stats':{'battery':80},'location':'NY','myvalues':[4,5]}"))
                        .add("shadow.hasDelta", false)
                        .add("connectivity.connected", true)
                        .add("connectivity.timestamp", 1557700000000L)
                        .build(),
                FleetDocument.builder("myThingName2")
                        .add("thingTypeName", "bb")
                        .attribute("myAttribute", "77")
                        .attribute("serialNumber", "abce")
                        .attribute("attr1", "abc")
                        .attribute("attr2", "4")
                        .attribute("attr3", "5")
                        .attribute("model", "v2")
                        .staticGroups("b")
                        .json("shadow.reported", json("{'stats':{'battery':99},'location':'LA'}"))
                        .json("shadow.desired", json("{'stats':{'battery':99}}"))
                        .add("shadow.hasDelta", false)
                        .add("connectivity.connected", false)
                        .add("connectivity.timestamp", 1557900000000L)
                        .add("connectivity.disconnectReason", "CLIENT_INITIATED_DISCONNECT")
                        .build(),
                FleetDocument.builder("abc")
                        .add("thingTypeName", "aa")
                        .attribute("myAttribute", "80")
                        .attribute("serialNumber", "abcf")
                        .attribute("attr1", "xyz")
                        .attribute("attr2", "9")
                        .attribute("model", "v3")
                        .json("shadow.reported", json("{'stats':{'battery':71},'myvalues':[1,2,3]}"))
                        .json("shadow.desired", json("{'stats':{'battery':90}}"))
                        .json("shadow.delta", json("{'stats':{'battery':90}}"))
                        .add("shadow.hasDelta", true)
                        .add("shadow.name.printer.hasDelta", true)
                        .json("shadow.name.printer.desired", json("{'filament':'PLA'}"))
                        .json("shadow.name.printer.reported", json("{'location':{'lat':1.5,'lon':2.5}}"))
                        .add("connectivity.connected", true)
                        .add("connectivity.timestamp", 1557900000000L)
                        .add("deviceDefender.violationCount", 3)
                        .add("deviceDefender.sp1.disconnectBehavior.inViolation", true)
                        .add("deviceDefender.sp1.disconnectBehavior.lastViolationValue.number", 5)
                        .build(),
                FleetDocument.builder("abcd")
                        .attribute("myAttribute", "81")
                        .attribute("serialNumber", "abcg")
                        .attribute("attr1", "ABC")
                        .attribute("attr2", "5")
                        .attribute("attr3", "1")
                        .json("shadow.reported", json("{'location':{'lat':3,'lon':4}}"))
                        .add("shadow.name.printer.hasDelta", false)
                        .add("deviceDefender.violationCount", 150)
                        .add("deviceDefender.sp1.disconnectBehavior.inViolation", false)
                        .add("deviceDefender.sp1.disconnectBehavior.lastViolationValue.number", 1)
                        .build(),
                FleetDocument.builder("iot-hub")
                        .attribute("myAttribute", "iot")
                        .staticGroups("my-fleet")
                        .build(),
                FleetDocument.builder("input-panel")
                        .attribute("myAttribute", "input")
                        .build(),
                FleetDocument.builder("iota-node")
                        .attribute("myAttribute", "iota")
                        .attribute("note", "abc def")
                        .build(),
                FleetDocument.builder("tv-kitchen").attribute("firmware", "v2").build(),
                FleetDocument.builder("tv-bedroom")
                        .attribute("firmware", "v3")
                        .json("shadow.reported", json("{'stats':{'battery':100}}"))
                        .build(),
                FleetDocument.builder("tv-plasma").build());
    }

    @AfterAll
    static void close() {
        fleet.close();
    }

    @Test
    void aBareTermSearchesEveryField() {
        // thing name abc, attr1 abc and ABC, a note "abc def"; not serial number abcd (a different token)
        fleet.assertFinds("abc", "myThingName", "myThingName2", "abc", "abcd", "iota-node");
    }

    @Test
    void exactName() {
        fleet.assertFinds("thingName:myThingName", "myThingName");
    }

    @Test
    void namePrefix() {
        fleet.assertFinds("thingName:my*", "myThingName", "myThingName2");
    }

    @Test
    void nameWithOneMoreCharacter() {
        fleet.assertFinds("thingName:ab?", "abc");
    }

    @Test
    void thingType() {
        fleet.assertFinds("thingTypeName:aa", "myThingName", "abc");
    }

    @Test
    void attributeEquals75() {
        fleet.assertFinds("attributes.myAttribute:75", "myThingName");
    }

    @Test
    void inclusiveRange() {
        fleet.assertFinds("attributes.myAttribute:[75 TO 80]", "myThingName", "myThingName2", "abc");
    }

    @Test
    void rangeExclusiveBelowInclusiveAbove() {
        fleet.assertFinds("attributes.myAttribute:{75 TO 80]", "myThingName2", "abc");
    }

    @Test
    void quotedBoundsCompareAsText() {
        fleet.assertFinds("attributes.serialNumber:[\"abcd\" TO \"abcf\"]", "myThingName", "myThingName2", "abc");
    }

    @Test
    void wildcardInsideAValue() {
        fleet.assertFinds("attributes.myAttribute:i*t", "iot-hub", "input-panel");
    }

    @Test
    void combinedWithComparisons() {
        fleet.assertFinds("attributes.attr1:abc AND attributes.attr2<5 NOT attributes.attr3>10", "myThingName2");
    }

    @Test
    void shadowHasDelta() {
        fleet.assertFinds("shadow.hasDelta:true", "abc");
    }

    @Test
    void notLegacyIncludesThingsWithoutAModel() {
        fleet.assertFinds(
                "NOT attributes.model:legacy",
                EVERY_THING.stream().filter(name -> !name.equals("myThingName")).toArray(String[]::new));
    }

    @Test
    void batteryRangeAnyTermAndExclusion() {
        // §3.3's table reads this range as (70,100], but '}' is exclusive by the grammar: tv-bedroom at 100 is out
        fleet.assertFinds(
                "shadow.reported.stats.battery:{70 TO 100} (v2 OR v3) NOT attributes.model:legacy",
                "myThingName2",
                "abc");
        fleet.assertFinds(
                "shadow.reported.stats.battery:{70 TO 100] (v2 OR v3) NOT attributes.model:legacy",
                "myThingName2",
                "abc",
                "tv-bedroom");
    }

    @Test
    void reportedArrayContainsTwo() {
        fleet.assertFinds("shadow.reported.myvalues:2", "abc");
    }

    @Test
    void reportsALocationButDesiresNoBattery() {
        // abcd reports its location as an object: it exists through its lat/lon
        fleet.assertFinds("shadow.reported.location:* NOT shadow.desired.stats.battery:*", "myThingName", "abcd");
    }

    @Test
    void namedShadowEquivalents() {
        fleet.assertFinds("shadow.name.printer.hasDelta:true", "abc");
        fleet.assertFinds("shadow.name.printer.desired.filament:*", "abc");
        fleet.assertFinds("shadow.name.printer.reported.location:*", "abc");
    }

    @Test
    void connectivity() {
        fleet.assertFinds("connectivity.connected:true", "myThingName", "abc");
        fleet.assertFinds("connectivity.connected:false", "myThingName2");
        fleet.assertFinds("connectivity.connected:*", "myThingName", "myThingName2", "abc");
    }

    @Test
    void connectedWithinAWindowOfMilliseconds() {
        fleet.assertFinds(
                "connectivity.connected:true AND connectivity.timestamp:[1557651600000 TO 1557867600000]",
                "myThingName");
    }

    @Test
    void disconnectReason() {
        fleet.assertFinds("connectivity.disconnectReason:CLIENT_INITIATED_DISCONNECT", "myThingName2");
    }

    @Test
    void defenderViolationCountRange() {
        fleet.assertFinds("deviceDefender.violationCount:[0 TO 100]", "abc");
    }

    @Test
    void defenderCurrentlyViolating() {
        fleet.assertFinds("deviceDefender.sp1.disconnectBehavior.inViolation:true", "abc");
    }

    @Test
    void defenderLastViolationValue() {
        fleet.assertFinds("deviceDefender.sp1.disconnectBehavior.lastViolationValue.number>2", "abc");
    }

    @Test
    void fieldGroupingWithExclusion() {
        // -plasma excludes the token "plasma", and tv-plasma is the single token "tv-plasma" (§3.3 tokenizing)
        fleet.assertFinds("thingName:(tv* AND -plasma)", "tv-kitchen", "tv-bedroom", "tv-plasma");
        fleet.assertFinds("thingName:(tv* AND -*plasma)", "tv-kitchen", "tv-bedroom");
    }

    @Test
    void groupNames() {
        fleet.assertFinds("thingGroupNames:(a OR b)", "myThingName", "myThingName2");
        fleet.assertFinds("thingGroupNames:my*", "myThingName", "iot-hub");
    }
}
