package io.fleetdeck.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdeck.app.startup.StartupException;
import io.fleetdeck.views.settings.ConsoleSettings;
import io.fleetdeck.views.settings.FleetLayout;
import io.fleetdeck.views.settings.SavedQuery;
import io.fleetdeck.views.settings.Theme;
import io.fleetdeck.views.settings.WindowGeometry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {

    @TempDir
    Path temp;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T09:15:00Z"), ZoneOffset.UTC);

    private SettingsFile settingsFile() {
        return new SettingsFile(temp.resolve("settings.json"), clock);
    }

    @Test
    void aFirstStartGetsTheDefaults() throws Exception {
        assertThat(settingsFile().load()).isEqualTo(ConsoleSettings.defaults());
    }

    @Test
    void savedSettingsComeBackOnTheNextStart() throws Exception {
        ConsoleSettings settings = new ConsoleSettings(Theme.LIGHT, new WindowGeometry(12, 34, 1500, 950, true));

        settingsFile().save(settings);

        assertThat(settingsFile().load()).isEqualTo(settings);
        try (var files = Files.list(temp)) {
            assertThat(files).as("no temporary file is left").containsExactly(temp.resolve("settings.json"));
        }
    }

    @Test
    void theFleetsPanelAndHiddenColumnsComeBackAndAnOlderFileReadsAsTheDefaults() throws Exception {
        ConsoleSettings settings =
                ConsoleSettings.defaults().withFleetLayout(new FleetLayout(false, 420, List.of("GROUPS", "SHADOW")));

        settingsFile().save(settings);

        assertThat(settingsFile().load().fleetLayout())
                .isEqualTo(new FleetLayout(false, 420, List.of("GROUPS", "SHADOW")));
        Files.writeString(temp.resolve("settings.json"), "{\"theme\": \"LIGHT\"}");
        assertThat(settingsFile().load().fleetLayout()).isEqualTo(FleetLayout.defaults());
    }

    @Test
    void aCorruptFileIsMovedAsideUntouchedAndTheErrorSaysWhereItBroke() throws IOException {
        String garbage = "{\"theme\": \"DARK\",\n  \"window\": {\"x\": 1,, }";
        Path file = Files.writeString(temp.resolve("settings.json"), garbage);
        Path aside = temp.resolve("settings.json.corrupt-20261126T091500Z");

        assertThatThrownBy(() -> settingsFile().load())
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("settings file " + file + " is not valid (line 2, column ")
                .hasMessageContaining("moved it to " + aside)
                .hasMessageNotContaining("\n");

        assertThat(file).doesNotExist();
        assertThat(aside).hasContent(garbage);
        assertThat(settingsFile()).satisfies(next -> assertThat(next.load()).isEqualTo(ConsoleSettings.defaults()));
    }

    @Test
    void anEndlessSettingsFileCountsAsCorruptWithoutBeingReadWhole() throws Exception {
        Files.createSymbolicLink(temp.resolve("settings.json"), Path.of("/dev/zero"));

        assertThatThrownBy(() -> settingsFile().load())
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("settings file " + temp.resolve("settings.json")
                        + " is not valid (it is larger than 1 MiB (1048576 bytes)); moved it to ");
        assertThat(temp.resolve("settings.json")).doesNotExist();
        assertThat(settingsFile().load()).isEqualTo(ConsoleSettings.defaults());
    }

    @Test
    void impossibleValuesCountAsCorrupt() throws IOException {
        Files.writeString(temp.resolve("settings.json"), "{\"theme\":\"PURPLE\"}");
        assertThatThrownBy(() -> settingsFile().load()).isInstanceOf(StartupException.class);

        Files.writeString(temp.resolve("settings.json"), "{\"window\":{\"x\":0,\"y\":0,\"width\":-5,\"height\":9}}");
        assertThatThrownBy(() -> settingsFile().load())
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("window size must be positive");

        Files.writeString(temp.resolve("settings.json"), "null");
        assertThatThrownBy(() -> settingsFile().load()).isInstanceOf(StartupException.class);
    }

    @Test
    void keysFromANewerVersionAreIgnoredAndMissingOnesDefault() throws Exception {
        Files.writeString(temp.resolve("settings.json"), "{\"theme\":\"LIGHT\",\"futureFeature\":{\"on\":true}}");
        assertThat(settingsFile().load()).isEqualTo(new ConsoleSettings(Theme.LIGHT, null));

        Files.writeString(temp.resolve("settings.json"), "{}");
        assertThat(settingsFile().load()).isEqualTo(ConsoleSettings.defaults());
    }

    @Test
    void theWriterSavesInOrderAndFinishesOnClose() throws Exception {
        SettingsFile file = settingsFile();
        try (SettingsWriter writer = new SettingsWriter(file)) {
            writer.save(new ConsoleSettings(Theme.LIGHT, null));
            writer.save(new ConsoleSettings(Theme.DARK, new WindowGeometry(1, 2, 1000, 700, false)));
        }
        assertThat(file.load()).isEqualTo(new ConsoleSettings(Theme.DARK, new WindowGeometry(1, 2, 1000, 700, false)));
    }

    @Test
    void recentAndSavedFleetQueriesSurviveARestartAndOlderFilesReadWithout() throws Exception {
        Files.writeString(
                temp.resolve("settings.json"),
                "{\"theme\":\"LIGHT\",\"window\":{\"x\":10,\"y\":20,\"width\":800,\"height\":600}}");
        ConsoleSettings old = settingsFile().load();
        assertThat(old.recentQueries()).isEmpty();
        assertThat(old.savedQueries()).isEmpty();

        ConsoleSettings withQueries = old.withQueries(
                List.of("shadow.reported.battery<20", "thingName:pump*"),
                List.of(new SavedQuery("Low battery", "shadow.reported.battery<20")));
        settingsFile().save(withQueries);
        assertThat(settingsFile().load()).isEqualTo(withQueries);

        Files.writeString(
                temp.resolve("settings.json"),
                "{\"recentQueries\":[\"a\",null,\"\"],\"savedQueries\":[{\"name\":\"x\"},{\"name\":\"b\",\"query\":\"b:1\"}]}");
        assertThat(settingsFile().load().recentQueries())
                .as("a hand-edited file keeps what it can")
                .containsExactly("a");
        assertThat(settingsFile().load().savedQueries()).containsExactly(new SavedQuery("b", "b:1"));
    }
}
