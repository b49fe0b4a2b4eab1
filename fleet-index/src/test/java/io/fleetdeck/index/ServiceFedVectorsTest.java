package io.fleetdeck.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every query and aggregation vector of AWS-IOT-BEHAVIOUR §10.3 on an index fed through the real registry and shadow
 * services (the same vectors on hand-made documents: FleetIndexVectorsTest, AggregationVectorsTest).
 */
class ServiceFedVectorsTest {

    @TempDir
    static Path folder;

    private static ServiceFedFixture fleet;

    @BeforeAll
    static void makeTheFixture() throws Exception {
        fleet = ServiceFedFixture.in(folder);
        // the last shadow update of the fixture is searchable: everything before it is too
        await().atMost(Duration.ofSeconds(5))
                .until(() -> fleet.search("shadow.reported.myvalues:2").equals(List.of("sensor-2")));
    }

    @AfterAll
    static void close() {
        fleet.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            TV-I01 | thingName:tv*                                          | tv-kitchen tv-plasma
            TV-I02 | thingName:tv* AND NOT attributes.model:legacy          | tv-kitchen
            TV-I03 | attributes.myAttribute:[75 TO 80]                      | sensor-1 sensor-2
            TV-I05 | shadow.reported.stats.battery>90                       | tv-plasma
            TV-I06 | shadow.hasDelta:true                                   | tv-plasma
            TV-I07 | connectivity.connected:true                            | tv-kitchen
            TV-I07 | connectivity.connected:false                           | tv-plasma
            TV-I07 | connectivity.connected:*                               | tv-kitchen tv-plasma
            TV-I08 | shadow.reported.myvalues:2                             | sensor-2
            TV-I10 | thingTypeName:TV AND shadow.reported.location:*        | tv-kitchen
            TV-I11 | *                                                      | gateway sensor-1 sensor-2 tv-kitchen tv-plasma
            TV-I14 | thingGroupNames:legacy                                 | tv-plasma
            TV-I16 | thingName:tv                                           |
            TV-I18 | shadow.version:*                                       |
            """)
    void queryVector(String vector, String query, String expected) throws Exception {
        List<String> names = expected == null ? List.of() : List.of(expected.split(" "));
        assertThat(fleet.search(query)).as(vector).containsExactlyElementsOf(names);
    }

    @Test
    void aggregationVectorsTvI19ToTvI23() throws Exception {
        Aggregations aggregations = new Aggregations(fleet.index);
        assertThat(aggregations
                        .statistics(FleetQuery.parse("*"), "shadow.reported.stats.battery")
                        .toJson()
                        .toString())
                .as("TV-I19")
                .isEqualTo("{\"statistics\":{\"count\":2,\"average\":87.5,\"sum\":175.0,\"minimum\":80.0,"
                        + "\"maximum\":95.0,\"sumOfSquares\":15425.0,\"variance\":56.25,\"stdDeviation\":7.5}}");
        assertThat(aggregations
                        .statistics(FleetQuery.parse("*"), "attributes.model")
                        .toJson()
                        .toString())
                .as("TV-I20")
                .isEqualTo("{\"statistics\":{\"count\":2}}");
        assertThat(aggregations.cardinality(FleetQuery.parse("thingTypeName:TV"), "attributes.model"))
                .as("TV-I21")
                .isEqualTo(2);
        assertThat(aggregations.cardinality(FleetQuery.parse("thingName:none*"), "attributes.model"))
                .as("TV-I21")
                .isZero();
        Aggregations.Buckets buckets = aggregations.buckets(FleetQuery.parse("*"), "attributes.model", 10);
        assertThat(buckets.totalCount()).as("TV-I22").isEqualTo(5);
        assertThat(buckets.buckets())
                .as("TV-I22")
                .containsExactlyInAnyOrder(new Aggregations.Bucket("v2", 1), new Aggregations.Bucket("legacy", 1));
        assertThat(aggregations.percentiles(
                        FleetQuery.parse("thingName:none*"),
                        "shadow.reported.stats.battery",
                        Aggregations.DEFAULT_PERCENTS))
                .as("TV-I23")
                .isEmpty();
    }
}
