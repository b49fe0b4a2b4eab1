package io.fleetdeck.index;

import static io.fleetdeck.index.Things.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Flattening and value rules of AWS-IOT-BEHAVIOUR §3.2. */
class FleetDocumentTest {

    @Test
    void nestedKeysAreJoinedWithDots() {
        assertThat(FleetDocument.flatten("shadow.reported", json("{'stats':{'battery':80,'ok':true},'location':'NY'}")))
                .containsExactly(
                        entry("shadow.reported.stats.battery", List.of(80L)),
                        entry("shadow.reported.stats.ok", List.of(true)),
                        entry("shadow.reported.location", List.of("NY")));
    }

    @Test
    void arraysOfSimpleValuesGiveSeveralValuesAndNullsAreDropped() {
        assertThat(FleetDocument.flatten("shadow.reported", json("{'myvalues':[1,'two',null,2.5,false],'gone':null}")))
                .containsExactly(entry("shadow.reported.myvalues", List.of(1L, "two", 2.5, false)));
    }

    @Test
    void arraysHoldingObjectsOrArraysAreNotIndexedAtAll() {
        assertThat(FleetDocument.flatten("shadow.reported", json("{'a':[1,{'b':2}],'c':[[1,2],3],'d':[],'e':{}}")))
                .isEmpty();
    }

    @Test
    void aDottedKeyAndNestedKeysMeetInOneField() {
        assertThat(FleetDocument.flatten("shadow.desired", json("{'one.two.three':1,'one':{'two':{'three':2}}}")))
                .containsExactly(entry("shadow.desired.one.two.three", List.of(1L, 2L)));
    }

    @Test
    void jsonNumbersFollowTheNumberRule() {
        var flat = FleetDocument.flatten(
                "s", json("{'big':12345678901234567890,'exp':1e3,'neg0':-0.0,'max':9007199254740991}"));
        assertThat(flat)
                .containsEntry("s.big", List.of("12345678901234567890"))
                .containsEntry("s.exp", List.of(1000.0))
                .containsEntry("s.neg0", List.of(0.0))
                .containsEntry("s.max", List.of(9007199254740991L));
    }

    @Test
    void attributeStringsThatReadAsNumbersAreNumbers() {
        assertThat(FleetDocument.attributeValue("75")).isEqualTo(75L);
        assertThat(FleetDocument.attributeValue("-2.5")).isEqualTo(-2.5);
        assertThat(FleetDocument.attributeValue("1e3")).isEqualTo(1000.0);
        assertThat(FleetDocument.attributeValue("-9007199254740992")).isEqualTo(-9007199254740992L);
        for (var text : List.of("v2", "007", "+5", ".5", "5.", "1e999", "NaN", "0x10", " 5", "9007199254740992")) {
            assertThat(FleetDocument.attributeValue(text)).as(text).isEqualTo(text);
        }
    }

    @Test
    void theBuilderNamesTheThingAndKeepsValuesInOrder() {
        var thing = FleetDocument.builder("lamp-1")
                .add("thingName", "lamp-1")
                .attribute("rack", "12")
                .addAll("thingGroupNames", List.of("a", "b"))
                .add("connectivity.timestamp", 1557700000000L)
                .add("shadow.reported.x", null)
                .add("shadow.reported.big", Long.MAX_VALUE)
                .add("shadow.reported.nan", Double.NaN)
                .add("shadow.reported.broken", "a\uD800b")
                .build();
        assertThat(thing.thingName()).isEqualTo("lamp-1");
        assertThat(thing.fields())
                .containsExactly(
                        entry("thingName", List.of("lamp-1")),
                        entry("attributes.rack", List.of(12L)),
                        entry("thingGroupNames", List.of("a", "b")),
                        entry("connectivity.timestamp", List.of(1557700000000L)),
                        entry("shadow.reported.big", List.of(Long.toString(Long.MAX_VALUE))),
                        entry("shadow.reported.nan", List.of("NaN")),
                        entry("shadow.reported.broken", List.of("a\uFFFDb")));
        assertThat(thing.values("attributes.none")).isEmpty();
    }

    @Test
    void theBuilderRefusesAnotherNameOrAnUnknownValueType() {
        var builder = FleetDocument.builder("lamp-1");
        assertThatThrownBy(() -> builder.add("thingName", "lamp-2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.add("attributes.x", List.of(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FleetDocument.builder("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathsNoQueryCouldNameAreDropped() {
        var thing = FleetDocument.builder("lamp-1")
                .add("shadow.reported." + "k".repeat(1000), 1)
                .build();
        assertThat(thing.fields()).containsOnlyKeys("thingName");
    }
}
