package io.fleetdeck.fleet.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvent.ShadowCommitted;
import io.fleetdeck.api.event.ShadowSnapshot;
import io.fleetdeck.fleet.store.Database;
import io.fleetdeck.fleet.store.StoreKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** What the console reads about shadows: history, names, fleet-wide summaries and change notices. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreKind.class)
class ShadowReadsTest {

    private final StoreKind store;

    ShadowReadsTest(StoreKind store) {
        this.store = store.assumeAvailable();
    }

    @TempDir
    Path folder;

    private Database database;
    private static final ObjectMapper JSON = new ObjectMapper();
    private Shadows shadows;
    private final List<FleetEvent> committed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        database = store.open(folder);
        shadows = new Shadows(
                database,
                Clock.systemUTC(),
                ShadowLimits.awsDefaults().withHistoryVersions(3),
                event -> committed.add(event));
    }

    @AfterEach
    void close() {
        shadows.close();
        database.close();
    }

    private void update(String thing, String shadow, String json) throws ShadowException {
        shadows.update(thing, shadow, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theHistoryKeepsTheNewestVersionsWithTheirDocuments() throws Exception {
        for (int speed = 1; speed <= 5; speed++) {
            update("pump-7", "", "{\"state\":{\"desired\":{\"speed\":" + speed + "}}}");
        }
        assertThat(shadows.history("pump-7", ""))
                .extracting(ShadowVersion::version)
                .containsExactly(5L, 4L, 3L);
        ShadowVersion newest = shadows.history("pump-7", "").getFirst();
        assertThat(newest.document().at("/state/desired/speed").asInt()).isEqualTo(5);
        assertThat(newest.document().at("/metadata/desired/speed/timestamp").asLong())
                .isEqualTo(newest.writtenAt());
    }

    @Test
    void namesAndSummariesShowWhatExistsAndWhatIsPending() throws Exception {
        update(
                "pump-7",
                "",
                "{\"state\":{\"desired\":{\"speed\":1200,\"mode\":{\"eco\":true,\"night\":false}},"
                        + "\"reported\":{\"speed\":900,\"firmware\":\"2.1.0\"}}}");
        update("pump-7", "config", "{\"state\":{\"reported\":{\"interval\":30}}}");
        update("pump-8", "", "{\"state\":{\"reported\":{\"speed\":5}}}");
        shadows.delete("pump-8", "", new byte[0]);

        assertThat(shadows.shadowNames("pump-7")).containsExactly("", "config");
        Map<String, ShadowSummary> summaries = shadows.classicSummaries();
        assertThat(summaries).containsOnlyKeys("pump-7");
        ShadowSummary pump = summaries.get("pump-7");
        assertThat(pump.version()).isEqualTo(1);
        assertThat(pump.pendingDeltaFields())
                .as("speed, mode.eco and mode.night")
                .isEqualTo(3);
        assertThat(pump.reported().path("firmware").asText()).isEqualTo("2.1.0");
    }

    @Test
    void committedShadowsComeWholeWithTheirDeltaForIndexing() throws Exception {
        update("pump-7", "", "{\"state\":{\"desired\":{\"speed\":1200},\"reported\":{\"speed\":900}}}");
        update("pump-7", "config", "{\"state\":{\"reported\":{\"interval\":30}}}");
        update("pump-8", "", "{\"state\":{\"reported\":{\"speed\":5}}}");
        update("pump-9", "", "{\"state\":{\"reported\":{\"speed\":5}}}");
        shadows.delete("pump-9", "", new byte[0]);

        List<ShadowSections> pump = shadows.committedShadowsOf("pump-7");
        assertThat(pump).extracting(ShadowSections::shadow).containsExactly("", "config");
        assertThat(pump.getFirst().delta().path("speed").asInt()).isEqualTo(1200);
        assertThat(pump.get(1).hasDelta()).isFalse();
        List<String> all = new ArrayList<>();
        shadows.eachCommittedShadow(each -> all.add(each.thing() + "/" + each.shadow()));
        assertThat(all).as("a deleted shadow is not there").containsExactly("pump-7/", "pump-7/config", "pump-8/");
    }

    @Test
    void eachCommittedShadowIsAnEventWithWhatItHoldsNowBeforeTheRequestIsAnswered() throws Exception {
        update("lamp-3", "", "{\"state\":{\"reported\":{\"on\":true}}}");
        committed.clear();
        update("lamp-1", "", "{\"state\":{\"reported\":{\"on\":true}}}");
        update("lamp-2", "night", "{\"state\":{\"desired\":{\"on\":false,\"level\":3}}}");
        shadows.get("lamp-3", "", new byte[0]);
        update("lamp-2", "night", "{\"state\":{\"reported\":{\"on\":false}}}");
        shadows.delete("lamp-1", "", new byte[0]);

        assertThat(committed)
                .as("a get changes nothing; the events of one thing come in commit order")
                .extracting(event -> (ShadowCommitted) event)
                .extracting(ShadowCommitted::thing, ShadowCommitted::shadow, ShadowCommitted::version)
                .containsExactly(
                        tuple("lamp-1", "", 1L),
                        tuple("lamp-2", "night", 1L),
                        tuple("lamp-2", "night", 2L),
                        tuple("lamp-1", "", 1L));
        ShadowSnapshot night = ((ShadowCommitted) committed.get(2)).state();
        assertThat(night).isNotNull();
        assertThat(JSON.readTree(night.desired()).path("level").asInt()).isEqualTo(3);
        assertThat(JSON.readTree(night.reported()).path("on").asBoolean(true)).isFalse();
        assertThat(JSON.readTree(night.delta())).as("only level waits").hasSize(1);
        assertThat(night.pendingDeltaFields()).isEqualTo(1);
        assertThat(JSON.readTree(night.reportedMetadata())
                        .path("on")
                        .path("timestamp")
                        .asLong())
                .isPositive();
        assertThat(((ShadowCommitted) committed.get(3)).state())
                .as("a deleted shadow holds nothing")
                .isNull();
    }
}
