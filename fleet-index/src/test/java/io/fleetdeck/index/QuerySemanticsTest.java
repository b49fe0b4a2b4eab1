package io.fleetdeck.index;

import static io.fleetdeck.index.Things.json;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of AWS-IOT-BEHAVIOUR §3.2/§3.3 beyond the documented examples, and the choices made where the
 * spec is silent or UNCONFIRMED; each holds for the index and for the in-memory evaluator alike.
 */
class QuerySemanticsTest {

    private static IndexedFleet fleet;

    @BeforeAll
    static void indexTheFleet() {
        fleet = IndexedFleet.of(
                FleetDocument.builder("tv-kitchen")
                        .add("thingTypeName", "TV")
                        .staticGroups("home", "legacy")
                        .attribute("rack", "75")
                        .attribute("model", "v2")
                        .attribute("ratio", "1:2")
                        .attribute("pattern", "a*b")
                        .attribute("code", "9007199254740993")
                        .json(
                                "shadow.reported",
                                json(
                                        "{'label':'Living Room','temp':-5,'stats':{'battery':80.0},'codes':['15','100','3']}"))
                        .json("shadow.desired", json("{'one.two.three':1,'one':{'two':{'three':2}}}"))
                        .add("shadow.version", 4)
                        .add("connectivity.connected", true)
                        .add("connectivity.disconnectReason", "CONNECTION_LOST")
                        .build(),
                FleetDocument.builder("tv-plasma")
                        .add("thingTypeName", "TV")
                        .staticGroups("home")
                        .attribute("rack", "7.5e1")
                        .attribute("model", "v3")
                        .attribute("pattern", "axb")
                        .attribute("code", "007")
                        .json("shadow.reported", json("{'label':['living','room'],'temp':-12,'codes':[10,20]}"))
                        .add("shadow.name.cfg.version", 3)
                        .add("connectivity.connected", false)
                        .build(),
                FleetDocument.builder("ab\uD83D\uDE00")
                        .attribute("rack", "76")
                        .attribute("model", "legacy")
                        .json("shadow.reported", json("{'temp':'75','on':true}"))
                        .build(),
                FleetDocument.builder("gateway").build());
    }

    @AfterAll
    static void close() {
        fleet.close();
    }

    @Test
    void valuesMatchInAnyCaseButFieldNamesDoNot() {
        fleet.assertFinds("thingName:TV-KITCHEN", "tv-kitchen");
        fleet.assertFinds("thingTypeName:tv", "tv-kitchen", "tv-plasma");
        fleet.assertFinds("shadow.reported.on:TRUE", "ab\uD83D\uDE00");
        fleet.assertFinds("ThingName:tv-kitchen");
    }

    @Test
    void stringsAreCutOnWhitespaceOnly() {
        fleet.assertFinds("shadow.reported.label:living", "tv-kitchen", "tv-plasma");
        fleet.assertFinds("shadow.reported.label:\"living room\"", "tv-kitchen");
        fleet.assertFinds("shadow.reported.label:\"room living\"");
        fleet.assertFinds("shadow.reported.label:living\\ room", "tv-kitchen");
    }

    @Test
    void aPhraseStaysInsideOneArrayElement() {
        // tv-plasma reports ["living","room"]: two values, so the phrase does not bridge them
        fleet.assertFinds("shadow.reported.label:room", "tv-kitchen", "tv-plasma");
        fleet.assertFinds("shadow.reported.label:\"LIVING ROOM\"", "tv-kitchen");
    }

    @Test
    void numbersMatchByValueWhateverTheirSpelling() {
        fleet.assertFinds("attributes.rack:75", "tv-kitchen", "tv-plasma");
        fleet.assertFinds("attributes.rack:75.0", "tv-kitchen", "tv-plasma");
        fleet.assertFinds("attributes.rack:7.5E1", "tv-kitchen", "tv-plasma");
        fleet.assertFinds("shadow.reported.stats.battery:80", "tv-kitchen");
        // a reported string "75" stays a string (only registry attributes are converted) and matches as a token
        fleet.assertFinds("shadow.reported.temp:75", "ab\uD83D\uDE00");
    }

    @Test
    void onlyJsonStyleNumbersAndExactIntegersAreNumbers() {
        fleet.assertFinds("attributes.code:007", "tv-plasma");
        fleet.assertFinds("attributes.code:7");
        // beyond 2^53 an integer stays text: found as a token, not by a numeric range
        fleet.assertFinds("attributes.code:9007199254740993", "tv-kitchen");
        fleet.assertFinds("attributes.code:[0 TO *]");
    }

    @Test
    void wildcardsMatchStringsNotNumbersOrBooleans() {
        fleet.assertFinds("attributes.model:v*", "tv-kitchen", "tv-plasma");
        fleet.assertFinds("attributes.rack:7*");
        fleet.assertFinds("connectivity.connected:t*");
    }

    @Test
    void aQuestionMarkIsOneCharacterAsPeopleCountThem() {
        fleet.assertFinds("thingName:ab?", "ab\uD83D\uDE00");
        fleet.assertFinds("thingName:ab??");
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        // UNCONFIRMED in §3.3; Lucene's convention
        fleet.assertFinds("thingName:gateway OR attributes.model:v2 attributes.rack:76", "gateway");
        fleet.assertFinds("(thingName:gateway OR attributes.model:v2) attributes.rack:75", "tv-kitchen");
        fleet.assertFinds("NOT attributes.model:v2 thingTypeName:TV", "tv-plasma");
        fleet.assertFinds("thingName:gateway OR NOT thingTypeName:TV", "gateway", "ab\uD83D\uDE00");
    }

    @Test
    void notAlsoFindsThingsWithoutTheField() {
        // UNCONFIRMED in §3.3: NOT is "every thing but", so things lacking the field are in
        fleet.assertFinds("-attributes.model:v2", "tv-plasma", "ab\uD83D\uDE00", "gateway");
        fleet.assertFinds("attributes.model:* -attributes.model:v2", "tv-plasma", "ab\uD83D\uDE00");
    }

    @Test
    void anObjectExistsThroughItsFields() {
        fleet.assertFinds("shadow.reported.stats:*", "tv-kitchen");
        fleet.assertFinds("shadow.reported:*", "tv-kitchen", "tv-plasma", "ab\uD83D\uDE00");
        fleet.assertFinds("shadow.report:*");
    }

    @Test
    void dottedKeysAndNestedKeysAreTheSameField() {
        fleet.assertFinds("shadow.desired.one.two.three:1", "tv-kitchen");
        fleet.assertFinds("shadow.desired.one.two.three:2", "tv-kitchen");
    }

    @Test
    void escapedCharactersAreLiteral() {
        fleet.assertFinds("attributes.ratio:1\\:2", "tv-kitchen");
        fleet.assertFinds("attributes.pattern:a\\*b", "tv-kitchen");
        fleet.assertFinds("attributes.pattern:a*b", "tv-kitchen", "tv-plasma");
        fleet.assertFinds("attributes.pattern:\"a*b\"", "tv-kitchen");
    }

    @Test
    void comparisonsIncludingTheUnconfirmedOnes() {
        fleet.assertFinds("attributes.rack>75", "ab\uD83D\uDE00");
        fleet.assertFinds("attributes.rack >= 75", "tv-kitchen", "tv-plasma", "ab\uD83D\uDE00");
        fleet.assertFinds("attributes.rack<=75", "tv-kitchen", "tv-plasma");
        fleet.assertFinds("attributes.rack=75", "tv-kitchen", "tv-plasma");
        fleet.assertFinds("attributes.model>\"v2\"", "tv-plasma");
        fleet.assertFinds("attributes.model<v3", "tv-kitchen", "ab\uD83D\uDE00");
    }

    @Test
    void quotedBoundsAreTextEvenWhenTheyLookLikeNumbers() {
        fleet.assertFinds("shadow.reported.codes:[\"10\" TO \"20\"]", "tv-kitchen"); // "15" and "100" as text
        fleet.assertFinds("shadow.reported.codes:[10 TO 20]", "tv-plasma"); // the numbers 10 and 20
        fleet.assertFinds("shadow.reported.codes:{10 TO 20}");
        fleet.assertFinds("shadow.reported.codes:[* TO *]", "tv-plasma");
    }

    @Test
    void negativeNumbersAfterAColonOrInARange() {
        fleet.assertFinds("shadow.reported.temp:-5", "tv-kitchen");
        fleet.assertFinds("shadow.reported.temp:[-20 TO -10]", "tv-plasma");
        fleet.assertFinds("shadow.reported.temp>-6", "tv-kitchen");
        fleet.assertFinds("-shadow.reported.temp:-5", "tv-plasma", "ab\uD83D\uDE00", "gateway");
    }

    @Test
    void bareTermsSearchRegistryAndShadowButNotConnectivity() {
        fleet.assertFinds("living", "tv-kitchen", "tv-plasma");
        fleet.assertFinds("\"living room\"", "tv-kitchen");
        fleet.assertFinds("legacy", "tv-kitchen", "ab\uD83D\uDE00");
        fleet.assertFinds("CONNECTION_LOST");
        fleet.assertFinds("connectivity.disconnectReason:CONNECTION_LOST", "tv-kitchen");
        // a leading - is NOT (nothing holds 12), so a bare negative number needs escaping
        fleet.assertFinds("-12", "tv-kitchen", "tv-plasma", "ab\uD83D\uDE00", "gateway");
        fleet.assertFinds("\\-12", "tv-plasma");
    }

    @Test
    void versionsCanNotBeSearched() {
        fleet.assertFinds("shadow.name.cfg.version:3");
        fleet.assertFinds("shadow.name.cfg:*");
        fleet.assertFinds("4");
    }

    @Test
    void everyGroupOfAThingCounts() {
        fleet.assertFinds("thingGroupNames:home AND thingGroupNames:legacy", "tv-kitchen");
        fleet.assertFinds("thingGroupNames:(home -legacy)", "tv-plasma");
        fleet.assertFinds("thingName:(tv-kitchen OR \"tv-plasma\")", "tv-kitchen", "tv-plasma");
    }
}
