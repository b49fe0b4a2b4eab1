package io.fleetdeck.views.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.api.search.IndexField;
import io.fleetdeck.api.search.IndexField.ValueType;
import io.fleetdeck.views.settings.ConsoleMemory;
import io.fleetdeck.views.settings.ConsoleSettings;
import io.fleetdeck.views.settings.SavedQuery;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The query bar as plain Java: suggestions, running, the problem and where, recent and saved queries. */
class QueryBarModelTest {

    private final FakeFleet fleet = FakeFleet.withThings(200);
    private final List<TableQuery> asked = new ArrayList<>();
    private final FleetViewModel table =
            new FleetViewModel((query, number) -> asked.add(query), Clock.fixed(FakeFleet.NOW, ZoneOffset.UTC));
    private final List<ConsoleSettings> saved = new ArrayList<>();
    private final ConsoleMemory memory = new ConsoleMemory(ConsoleSettings.defaults(), saved::add);
    private final FakeSearch search = new FakeSearch(fleet);
    private final QueryBarModel bar =
            new QueryBarModel(search, table, new QueryHistory(memory), Runnable::run, Runnable::run);

    private static void runAll(List<Runnable> held) {
        List<Runnable> now = List.copyOf(held);
        held.clear();
        now.forEach(Runnable::run);
    }

    private List<String> suggested() {
        return bar.suggestions().stream().map(Completion::label).toList();
    }

    @Test
    void enterWhileTheValuesOfAnEarlierTextAreStillShownKeepsWhatWasTyped() {
        List<Runnable> held = new ArrayList<>();
        QueryBarModel slowIndex = new QueryBarModel(search, table, new QueryHistory(memory), held::add, Runnable::run);
        slowIndex.edited("thingTypeName:", 14);
        runAll(held);
        assertThat(slowIndex.suggestions()).isNotEmpty();

        // typed on before the index answered for the new word: the list still shows the values for an empty word
        slowIndex.edited("thingTypeName:fl", 16);
        assertThat(slowIndex.acceptSelected()).isFalse();
        assertThat(slowIndex.textProperty().get()).isEqualTo("thingTypeName:fl");

        runAll(held);
        assertThat(slowIndex.acceptSelected()).isTrue();
        assertThat(slowIndex.textProperty().get()).isEqualTo("thingTypeName:\"flow-meter\" ");
    }

    @Test
    void typingPartOfAFieldSuggestsTheFieldsThatHoldIt() {
        bar.edited("firm", 4);
        assertThat(bar.suggestingProperty().get()).isTrue();
        assertThat(suggested()).containsExactly("attributes.firmwareVersion");
        bar.edited("conn", 4);
        assertThat(suggested()).containsExactly("connectivity.connected");
        assertThat(bar.suggestions().getFirst().detail()).isEqualTo("boolean");
    }

    @Test
    void fieldsTheIndexLearnedAfterTheBarOpenedAreOfferedAsTyped() {
        search.learn(new IndexField("attributes.serial", EnumSet.of(ValueType.STRING)));
        search.learn(new IndexField("shadow.reported.bandwidth", EnumSet.of(ValueType.NUMBER)));

        bar.edited("attri", 5);
        assertThat(suggested()).containsExactly("attributes.firmwareVersion", "attributes.serial");

        bar.edited("thingTypeName:pump AND shadow.reported.ba", 41);
        assertThat(suggested()).containsExactly("shadow.reported.bandwidth", "shadow.reported.battery");
        assertThat(bar.suggestions().getFirst().detail()).isEqualTo("number");
    }

    @Test
    void fieldsAreCompletedByPrefixNotByAnyLettersInside() {
        bar.edited("ware", 4);
        assertThat(suggested())
                .as("'ware' starts no part of attributes.firmwareVersion")
                .isEmpty();
        bar.edited("ba", 2);
        assertThat(suggested()).containsExactly("shadow.reported.battery");
    }

    @Test
    void takingAFieldOffersItsValuesMostFrequentFirst() {
        bar.edited("thingTypeName:pump AND firm", 27);
        assertThat(bar.acceptSelected()).isTrue();
        assertThat(bar.textProperty().get()).isEqualTo("thingTypeName:pump AND attributes.firmwareVersion:");
        assertThat(bar.caretProperty().get()).isEqualTo(bar.textProperty().get().length());
        assertThat(suggested()).containsExactlyInAnyOrder("1.4.2", "1.9.7", "1.10.0", "2.0.0-rc1");
        assertThat(bar.suggestions().getFirst().detail()).endsWith("things");
        List<Long> counts = bar.suggestions().stream()
                .map(c -> Long.parseLong(c.detail().replaceAll("\\D", "")))
                .toList();
        assertThat(counts).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        bar.moveSelection(suggested().indexOf("2.0.0-rc1"));
        bar.acceptSelected();
        assertThat(bar.textProperty().get())
                .as("a value with - is quoted")
                .isEqualTo("thingTypeName:pump AND attributes.firmwareVersion:\"2.0.0-rc1\" ");
        assertThat(bar.suggestingProperty().get()).isFalse();
    }

    @Test
    void aMalformedQuerySaysWhatAndWhereAndTheTableKeepsItsQuery() {
        bar.edited("thingTypeName:gateway", 21);
        bar.run();
        assertThat(table.searchProperty().get()).isEqualTo("thingTypeName:gateway");

        bar.edited("thingTypeName:gateway AND attributes.firmwareVersion:", 53);
        bar.run();
        assertThat(bar.problemProperty().get().column()).isEqualTo(54);
        assertThat(bar.problemProperty().get().position()).isEqualTo(53);
        assertThat(bar.problemProperty().get().message()).contains("expected a value after ':' at column 54");
        assertThat(table.searchProperty().get()).isEqualTo("thingTypeName:gateway");
        assertThat(asked.getLast().search()).isEqualTo("thingTypeName:gateway");

        bar.edited("thingTypeName:gateway AND attributes.firmwareVersion:1", 54);
        assertThat(bar.problemProperty().get())
                .as("an edit clears the old marker")
                .isNull();
    }

    @Test
    void aFieldNoThingHasIsNamedAsAHintWhileTheQueryStillRuns() {
        bar.edited("thingGroupName:floor-1", 22);
        bar.run();
        assertThat(table.searchProperty().get()).as("a hint, not a refusal").isEqualTo("thingGroupName:floor-1");
        assertThat(bar.problemProperty().get()).isNull();
        assertThat(bar.hintProperty().get()).isEqualTo("no thing has the field thingGroupName, so it matches nothing");

        bar.edited("thingName:pump*", 15);
        bar.run();
        assertThat(bar.hintProperty().get()).isEmpty();
    }

    @Test
    void recentQueriesAreTheLastTwentyNewestFirstWithoutRepeats() {
        for (int i = 0; i < 25; i++) {
            bar.run("thingName:t" + i);
        }
        bar.run("thingName:t22");
        List<String> recent = bar.history().recent();
        assertThat(recent).hasSize(QueryHistory.RECENT_LIMIT);
        assertThat(recent.getFirst()).isEqualTo("thingName:t22");
        assertThat(recent).doesNotHaveDuplicates().doesNotContain("thingName:t4");
        assertThat(saved.getLast().recentQueries()).isEqualTo(recent);
    }

    @Test
    void savedQueriesAreKeptByNameAndOfferedInAnEmptyBar() {
        bar.run("connectivity.connected:false");
        bar.save("Offline");
        assertThat(saved.getLast().savedQueries())
                .containsExactly(new SavedQuery("Offline", "connectivity.connected:false"));

        bar.edited("", 0);
        bar.askForSuggestions();
        assertThat(bar.suggestions())
                .extracting(Completion::kind, Completion::label)
                .startsWith(
                        org.assertj.core.api.Assertions.tuple(Completion.Kind.SAVED, "Offline"),
                        org.assertj.core.api.Assertions.tuple(Completion.Kind.RECENT, "connectivity.connected:false"));

        bar.history().delete("Offline");
        assertThat(saved.getLast().savedQueries()).isEmpty();
        assertThat(new QueryHistory(memory).recent())
                .as("read back from the settings")
                .containsExactly("connectivity.connected:false");
    }
}
