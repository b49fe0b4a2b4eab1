package io.fleetdeck.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.shadow.ShadowLimits;
import io.fleetdeck.fleet.shadow.Shadows;
import io.fleetdeck.fleet.store.Database;
import io.fleetdeck.index.FleetIndex;
import io.fleetdeck.index.ThingDocuments;
import io.fleetdeck.views.fleet.FleetSearch;
import io.fleetdeck.views.fleet.MalformedQueryException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query bar's source over the real registry, shadow store and fleet index on SQLite. */
class FleetSearchAdapterTest {

    @TempDir
    Path folder;

    private Database database;
    private Shadows shadows;
    private FleetIndex index;
    private FleetSearch search;

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
        search = new FleetSearchAdapter(() -> index);
    }

    @AfterEach
    void close() {
        index.close();
        shadows.close();
        database.close();
    }

    @Test
    void aQueryFindsThingsAndAggregatesThem() throws Exception {
        assertThat(search.search("shadow.reported.battery<50")).containsExactly("pump-2", "pump-3");
        FleetSearch.Statistics battery = search.statistics("*", "shadow.reported.battery");
        assertThat(battery.count()).isEqualTo(3);
        assertThat(battery.minimum()).isEqualTo(10.0);
        assertThat(battery.maximum()).isEqualTo(80.0);
        assertThat(battery.average()).isEqualTo(130.0 / 3);
        assertThat(search.buckets("*", "attributes.firmwareVersion", 10).buckets())
                .containsExactly(new FleetSearch.ValueCount("2.1.0", 2), new FleetSearch.ValueCount("1.9.7", 1));
    }

    @Test
    void aMalformedQuerySaysWhereAndFieldsAndValuesAreOffered() {
        FleetSearch.Problem problem = search.problem("thingName:pump* AND shadow.reported.battery:");
        assertThat(problem.position()).isEqualTo(44);
        assertThat(problem.column()).isEqualTo(45);
        assertThat(problem.message()).contains("expected a value after ':'");
        assertThat(search.problem("thingName:pump*")).isNull();
        assertThatThrownBy(() -> search.search("a && b"))
                .isInstanceOf(MalformedQueryException.class)
                .hasMessageContaining("write AND");

        assertThat(search.fields())
                .contains(
                        new FleetSearch.Field(
                                "attributes.firmwareVersion", java.util.Set.of(FleetSearch.FieldType.STRING)),
                        new FleetSearch.Field(
                                "shadow.reported.battery", java.util.Set.of(FleetSearch.FieldType.NUMBER)));
        assertThat(search.values("attributes.firmwareVersion", "2", 5))
                .containsExactly(new FleetSearch.ValueCount("2.1.0", 2));
        assertThat(search.spans("thingName:pump*"))
                .extracting(FleetSearch.Span::kind)
                .containsExactly(
                        FleetSearch.SpanKind.FIELD, FleetSearch.SpanKind.OPERATOR, FleetSearch.SpanKind.WILDCARD_VALUE);
    }
}
