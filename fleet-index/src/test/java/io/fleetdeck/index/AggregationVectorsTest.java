package io.fleetdeck.index;

import static io.fleetdeck.index.Things.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aggregation vectors of AWS-IOT-BEHAVIOUR §10.3 (TV-I19 … TV-I23) on its fixture, in a fleet index on disk. */
class AggregationVectorsTest {

    @TempDir
    Path folder;

    private FleetIndex index;
    private Aggregations aggregations;

    /** The fixture as a store would give it. */
    private static final class Fixture implements ThingSource {
        private final Map<String, FleetDocument> things = Map.of(
                "tv-kitchen",
                FleetDocument.builder("tv-kitchen")
                        .add("thingTypeName", "TV")
                        .attribute("model", "v2")
                        .attribute("serialNumber", "abce")
                        .staticGroups("home")
                        .json("shadow.reported", json("{'stats':{'battery':80},'location':'NY'}"))
                        .add("connectivity.connected", true)
                        .build(),
                "tv-plasma",
                FleetDocument.builder("tv-plasma")
                        .add("thingTypeName", "TV")
                        .attribute("model", "legacy")
                        .attribute("serialNumber", "abcg")
                        .json("shadow.reported", json("{'stats':{'battery':95}}"))
                        .json("shadow.desired", json("{'stats':{'battery':100}}"))
                        .add("connectivity.connected", false)
                        .build(),
                "sensor-1",
                FleetDocument.builder("sensor-1")
                        .add("thingTypeName", "Sensor")
                        .attribute("myAttribute", "75")
                        .build(),
                "sensor-2",
                FleetDocument.builder("sensor-2")
                        .attribute("myAttribute", "80")
                        .json("shadow.reported", json("{'myvalues':[1,2,3]}"))
                        .build(),
                "gateway",
                FleetDocument.builder("gateway").build());

        @Override
        public Optional<FleetDocument> document(String thingName) {
            return Optional.ofNullable(things.get(thingName));
        }

        @Override
        public void eachDocument(Consumer<FleetDocument> sink) {
            things.values().forEach(sink);
        }
    }

    @BeforeEach
    void open() {
        index = FleetIndex.open(folder.resolve("index"), new Fixture());
        aggregations = new Aggregations(index);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void tvI19StatisticsOfANumberField() throws Exception {
        assertThat(aggregations
                        .statistics(FleetQuery.parse("*"), "shadow.reported.stats.battery")
                        .toJson()
                        .path("statistics")
                        .toString())
                .isEqualTo(json("{'count':2,'average':87.5,'sum':175.0,'minimum':80.0,'maximum':95.0,"
                                + "'sumOfSquares':15425.0,'variance':56.25,'stdDeviation':7.5}")
                        .toString());
    }

    @Test
    void tvI20StatisticsOfAStringFieldCountOnly() throws Exception {
        assertThat(aggregations
                        .statistics(FleetQuery.parse("*"), "attributes.model")
                        .toJson()
                        .toString())
                .isEqualTo("{\"statistics\":{\"count\":2}}");
    }

    @Test
    void booleanStatisticsAreTheFractionTrue() throws Exception {
        Statistics connected = aggregations.statistics(FleetQuery.parse("*"), "connectivity.connected");
        assertThat(connected.count()).isEqualTo(2);
        assertThat(connected.average()).isEqualTo(0.5);
        assertThat(connected.sum()).isEqualTo(1.0);
    }

    @Test
    void tvI21Cardinality() throws Exception {
        assertThat(aggregations.cardinality(FleetQuery.parse("thingTypeName:TV"), "attributes.model"))
                .isEqualTo(2);
        assertThat(aggregations.cardinality(FleetQuery.parse("thingName:none*"), "attributes.model"))
                .isZero();
    }

    @Test
    void tvI22BucketsRankedByCount() throws Exception {
        Aggregations.Buckets buckets = aggregations.buckets(FleetQuery.parse("*"), "attributes.model", 10);
        assertThat(buckets.totalCount()).isEqualTo(5);
        assertThat(buckets.buckets())
                .containsExactlyInAnyOrder(new Aggregations.Bucket("v2", 1), new Aggregations.Bucket("legacy", 1));
        assertThat(aggregations
                        .buckets(FleetQuery.parse("*"), "attributes.model", 1)
                        .buckets())
                .hasSize(1);
    }

    @Test
    void tvI23PercentilesOfNothingAreEmptyAndOfSomethingNearestRank() throws Exception {
        assertThat(aggregations.percentiles(
                        FleetQuery.parse("thingName:none*"),
                        "shadow.reported.stats.battery",
                        Aggregations.DEFAULT_PERCENTS))
                .isEmpty();
        assertThat(aggregations.percentiles(FleetQuery.parse("*"), "attributes.myAttribute", List.of(50.0, 99.0)))
                .containsExactly(new Aggregations.Percentile(50, 75), new Aggregations.Percentile(99, 80));
    }
}
