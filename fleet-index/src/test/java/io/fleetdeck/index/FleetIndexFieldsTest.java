package io.fleetdeck.index;

import static io.fleetdeck.index.Things.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetdeck.index.IndexedField.ValueType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the search box offers while the user types, read from a real fleet index: its fields and their values. */
class FleetIndexFieldsTest {

    @TempDir
    Path folder;

    @Test
    void anEmptyFleetOffersTheFieldsEveryFleetHas() {
        try (FleetIndex index = FleetIndex.open(folder, source(List.of()))) {
            assertThat(index.fieldNames())
                    .extracting(IndexedField::path, IndexedField::types)
                    .contains(
                            tuple("thingName", Set.of(ValueType.STRING)),
                            tuple("thingGroupNames", Set.of(ValueType.STRING)),
                            tuple("connectivity.connected", Set.of(ValueType.BOOLEAN)),
                            tuple("connectivity.timestamp", Set.of(ValueType.NUMBER)));
        }
    }

    @Test
    void fieldsAreTheAttributesAndShadowKeysTheFleetHasWithTheirTypes() {
        try (FleetIndex index = FleetIndex.open(folder, source(fleet()))) {
            Map<String, Set<ValueType>> fields =
                    index.fieldNames().stream().collect(Collectors.toMap(IndexedField::path, IndexedField::types));
            assertThat(fields)
                    .containsEntry("attributes.firmwareVersion", Set.of(ValueType.STRING))
                    .containsEntry("shadow.reported.battery", Set.of(ValueType.NUMBER))
                    .containsEntry("shadow.reported.door.open", Set.of(ValueType.BOOLEAN))
                    .containsEntry("attributes.serial", Set.of(ValueType.STRING, ValueType.NUMBER))
                    .as("versions are aggregated, never searched (§3.2)")
                    .doesNotContainKeys("registry.version", "shadow.version");
            assertThat(index.fieldNames().stream().map(IndexedField::path).toList())
                    .as("sorted by path")
                    .isSorted();
            assertThat(fields.keySet()).noneMatch(path -> path.contains(":"));
            assertThat(fields.keySet())
                    .as("the index's own fields are not offered")
                    .noneMatch(path -> path.startsWith("#"));
        }
    }

    @Test
    void valuesAreOfferedMostFrequentFirstInTheirOwnCase() {
        try (FleetIndex index = FleetIndex.open(folder, source(fleet()))) {
            assertThat(index.topValues("attributes.firmwareVersion", "", 10))
                    .containsExactly(
                            new Aggregations.Bucket("2.1.0", 3),
                            new Aggregations.Bucket("1.9.7", 1),
                            new Aggregations.Bucket("2.0.0-rc1", 1));
            assertThat(index.topValues("attributes.firmwareVersion", "2", 10))
                    .extracting(Aggregations.Bucket::keyValue)
                    .containsExactly("2.1.0", "2.0.0-rc1");
            assertThat(index.topValues("attributes.firmwareVersion", "", 1)).hasSize(1);
            assertThat(index.topValues("attributes.model", "liv", 5))
                    .as("case aside, whole values")
                    .containsExactly(new Aggregations.Bucket("Living Room Hub", 2));
            assertThat(index.topValues("shadow.reported.door.open", "", 5))
                    .containsExactly(new Aggregations.Bucket("false", 3), new Aggregations.Bucket("true", 2));
            assertThat(index.topValues("shadow.reported.battery", "", 5))
                    .as("numbers are typed")
                    .isEmpty();
            assertThat(index.topValues("attributes.nothing", "", 5)).isEmpty();
        }
    }

    /** Five things: firmware 2.1.0 three times, a serial that is a number on one and a word on another. */
    private static List<FleetDocument> fleet() {
        return List.of(
                thing("hub-1", "2.1.0", "Living Room Hub", "17", 80, true),
                thing("hub-2", "2.1.0", "Living Room Hub", "A-17", 45, false),
                thing("hub-3", "2.1.0", "kitchen", null, 12, false),
                thing("hub-4", "1.9.7", "kitchen", null, 99, true),
                thing("hub-5", "2.0.0-rc1", null, null, 63, false));
    }

    private static FleetDocument thing(
            String name, String firmware, String model, String serial, int battery, boolean doorOpen) {
        FleetDocument.Builder thing = FleetDocument.builder(name)
                .add("registry.version", 3)
                .add("shadow.version", 9)
                .staticGroups("site-north")
                .json("shadow.reported", json("{'battery':" + battery + ",'door':{'open':" + doorOpen + "}}"));
        thing.attribute("firmwareVersion", firmware);
        if (model != null) {
            thing.attribute("model", model);
        }
        if (serial != null) {
            thing.attribute("serial", serial);
        }
        return thing.build();
    }

    private static ThingSource source(List<FleetDocument> things) {
        Map<String, FleetDocument> byName =
                things.stream().collect(Collectors.toMap(FleetDocument::thingName, Function.identity()));
        return new ThingSource() {
            @Override
            public Optional<FleetDocument> document(String thingName) {
                return Optional.ofNullable(byName.get(thingName));
            }

            @Override
            public void eachDocument(Consumer<FleetDocument> sink) {
                things.forEach(sink);
            }
        };
    }
}
