package io.fleetdeck.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdeck.api.error.InvalidQueryException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.search.FieldStatistics;
import io.fleetdeck.api.search.FleetSearchService;
import io.fleetdeck.api.search.IndexField;
import io.fleetdeck.api.search.IndexField.ValueType;
import io.fleetdeck.api.search.IndexSearch;
import io.fleetdeck.api.search.QueryHint;
import io.fleetdeck.api.search.QueryProblem;
import io.fleetdeck.api.search.QuerySpan;
import io.fleetdeck.api.search.QuerySpan.Kind;
import io.fleetdeck.api.search.ValueCount;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.shadow.ShadowLimits;
import io.fleetdeck.fleet.shadow.Shadows;
import io.fleetdeck.fleet.store.Database;
import io.fleetdeck.index.FleetIndex;
import io.fleetdeck.index.ThingDocuments;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search service (the query bar's and the CLI's) over the real registry, shadow store and fleet index on SQLite. */
class LocalFleetSearchTest {

    @TempDir
    Path folder;

    private Database database;
    private Shadows shadows;
    private FleetIndex index;
    private FleetSearchService search;

    @BeforeEach
    void open() throws Exception {
        Clock clock = Clock.systemUTC();
        database = Database.sqliteFile(folder.resolve("fleetdeck.db"));
        Registry registry = new Registry(database, clock);
        shadows = new Shadows(database, clock, ShadowLimits.awsDefaults());
        int[] battery = {80, 40, 10};
        String[] firmware = {"2.1.0", "2.1.0", "1.9.7"};
        for (int i = 0; i < 3; i++) {
            String name = "pump-" + (i + 1);
            registry.createThing(name, null, Map.of("firmwareVersion", firmware[i]));
            shadows.update(
                    name,
                    "",
                    ("{\"state\":{\"reported\":{\"battery\":" + battery[i] + "}}}").getBytes(StandardCharsets.UTF_8));
        }
        index = FleetIndex.open(
                folder.resolve("index"), new ThingDocuments(registry, shadows, thing -> Optional.empty()));
        search = new LocalFleetSearch(() -> index, registry);
        registry.createThingGroup("pumps", null, Map.of());
    }

    @AfterEach
    void close() {
        index.close();
        shadows.close();
        database.close();
    }

    @Test
    void aQueryFindsThingsAndAggregatesThem() throws Exception {
        assertThat(search.thingsMatching("shadow.reported.battery<50")).containsExactly("pump-2", "pump-3");
        FieldStatistics battery = search.statistics("*", "shadow.reported.battery");
        assertThat(battery.count()).isEqualTo(3);
        assertThat(battery.minimum()).isEqualTo(10.0);
        assertThat(battery.maximum()).isEqualTo(80.0);
        assertThat(battery.average()).isEqualTo(130.0 / 3);
        assertThat(search.buckets("*", "attributes.firmwareVersion", 10).buckets())
                .containsExactly(new ValueCount("2.1.0", 2), new ValueCount("1.9.7", 1));
    }

    @Test
    void aMalformedQuerySaysWhereAndFieldsAndValuesAreOffered() {
        QueryProblem problem = search.queryProblem("thingName:pump* AND shadow.reported.battery:")
                .orElseThrow();
        assertThat(problem.position()).isEqualTo(44);
        assertThat(problem.column()).isEqualTo(45);
        assertThat(problem.message()).contains("expected a value after ':'");
        assertThat(search.queryProblem("thingName:pump*")).isEmpty();
        assertThatThrownBy(() -> search.thingsMatching("a && b"))
                .isInstanceOfSatisfying(InvalidQueryException.class, refused -> {
                    assertThat(refused.errorCode()).isEqualTo("InvalidQueryException");
                    assertThat(refused.httpStatus()).isEqualTo(400);
                    assertThat(refused.caretLine()).isEqualTo("  ^");
                })
                .hasMessageContaining("write AND");

        assertThat(search.indexedFields())
                .contains(
                        new IndexField("attributes.firmwareVersion", java.util.Set.of(ValueType.STRING)),
                        new IndexField("shadow.reported.battery", java.util.Set.of(ValueType.NUMBER)));
        assertThat(search.topValues("attributes.firmwareVersion", "2", 5)).containsExactly(new ValueCount("2.1.0", 2));
        assertThat(search.querySpans("thingName:pump*"))
                .extracting(QuerySpan::kind)
                .containsExactly(Kind.FIELD, Kind.OPERATOR, Kind.WILDCARD_VALUE);
    }

    @Test
    void searchIndexSortsThingsFindsGroupsAndNamesTheIndexesThereAre() throws Exception {
        assertThat(search.searchIndex(new IndexSearch(IndexSearch.THINGS, "*", "shadow.reported.battery", false)))
                .containsExactly("pump-3", "pump-2", "pump-1");
        assertThat(search.searchIndex(new IndexSearch(IndexSearch.THING_GROUPS, "thingGroupNames:pu*", null, false)))
                .containsExactly("pumps");
        assertThatThrownBy(() -> search.searchIndex(new IndexSearch("AWS_Jobs", "*", null, false)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("no index named AWS_Jobs; there are AWS_Things and AWS_ThingGroups");
    }

    @Test
    void fieldsTheIndexDoesNotHoldAreNamedWithTheFieldMeant() {
        assertThat(search.unknownFields(
                        IndexSearch.THINGS, "shadow.reported.batery<20 AND attributes.firmwareVersion:2*"))
                .extracting(QueryHint::field, QueryHint::start, QueryHint::end, QueryHint::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "shadow.reported.batery",
                        0,
                        22,
                        "no thing has the field shadow.reported.batery, so this term matches nothing;"
                                + " did you mean shadow.reported.battery?"));
        assertThat(search.unknownFields(IndexSearch.THINGS, "attributes.colour:red"))
                .extracting(QueryHint::message)
                .containsExactly("no thing has the field attributes.colour, so this term matches nothing");
        assertThat(search.unknownFields(IndexSearch.THINGS, "thingGroupNames:pumps shadow.reported.battery>5"))
                .as("fields every fleet has, and those the index holds")
                .isEmpty();
        assertThat(search.unknownFields(IndexSearch.THING_GROUPS, "thingGroupName:pumps"))
                .extracting(QueryHint::message)
                .containsExactly("no thing group has the field thingGroupName, so this term matches nothing;"
                        + " did you mean thingGroupNames?");
        assertThat(search.unknownFields(IndexSearch.THINGS, "attributes.colour:"))
                .as("a query that does not parse has its problem, not hints")
                .isEmpty();
    }
}
