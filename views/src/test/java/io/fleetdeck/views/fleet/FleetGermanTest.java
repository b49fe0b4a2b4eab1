package io.fleetdeck.views.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.api.things.ThingOverview;
import io.fleetdeck.views.settings.ConsoleMemory;
import io.fleetdeck.views.settings.ConsoleSettings;
import io.fleetdeck.views.settings.Theme;
import io.fleetdeck.views.shell.Screenshot;
import io.fleetdeck.views.shell.ShellViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Fleet section on a German desktop: its headings, counts, relative times and the aggregation panel in German,
 * and a screenshot a person checks for words cut short.
 */
@ExtendWith(ApplicationExtension.class)
class FleetGermanTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int COUNT = 2_000;

    private final Locale before = Locale.getDefault();
    private final FakeFleet fleet = FakeFleet.withThings(COUNT);
    private ShellViewModel shell;
    private FleetWorkspace workspace;
    private Stage stage;

    @Start
    void start(Stage stage) {
        // before anything is built: the views take their words when they make their controls
        Locale.setDefault(Locale.GERMAN);
        this.stage = stage;
        ConsoleMemory memory = new ConsoleMemory(new ConsoleSettings(Theme.LIGHT, null), settings -> {});
        FleetWindow window = FleetWindow.open(stage, fleet, memory);
        shell = window.shell();
        workspace = window.workspace();
    }

    @AfterEach
    void restore() {
        workspace.close();
        Locale.setDefault(before);
    }

    @Test
    void theFleetSpeaksGerman(FxRobot robot) throws Exception {
        TableView<ThingOverview> table = robot.lookup("#fleet-table").queryTableView();
        Label count = robot.lookup("#fleet-count").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> table.getItems().size() == COUNT);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(count.getText()).isEqualTo("2.000 Objekte");
        assertThat(table.getColumns().stream().map(column -> column.getText()))
                .containsExactly("Name", "Typ", "Gruppen", "Verbunden", "Zuletzt gesehen", "Schatten", "Firmware");
        assertThat(robot.lookup("#fleet-aggregations-toggle")
                        .queryAs(ToggleButton.class)
                        .getText())
                .isEqualTo("Aggregationen");
        assertThat(cellTexts(robot)).anyMatch(text -> text.startsWith("vor "));
        assertThat(cellTexts(robot)).contains("Offline");
        assertThat(cellTexts(robot)).noneMatch(text -> text.endsWith(" ago") || text.contains("in sync"));
        Screenshot.ofWindowIn(robot, shell, stage.getScene(), SCREENSHOTS.resolve("fleet-de.png"), Theme.LIGHT);
        // the whole table, its Last seen column wide enough for "vor 12 Tagen" under "Zuletzt gesehen"
        robot.clickOn("#fleet-aggregations-toggle");
        Screenshot.ofWindowIn(robot, shell, stage.getScene(), SCREENSHOTS.resolve("fleet-table-de.png"), Theme.LIGHT);

        robot.clickOn("#fleet-query")
                .write("thingTypeName:gateway")
                .type(KeyCode.ESCAPE)
                .type(KeyCode.ENTER);
        long gateways = fleet.allThings().stream()
                .filter(row -> "gateway".equals(row.thingType()))
                .count();
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == gateways);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(count.getText()).isEqualTo(gateways + " von 2.000 Objekten");
        Screenshot.ofWindowIn(robot, shell, stage.getScene(), SCREENSHOTS.resolve("fleet-query-de.png"), Theme.LIGHT);
    }

    private static List<String> cellTexts(FxRobot robot) {
        return robot.lookup("#fleet-table .table-cell").queryAll().stream()
                .map(node -> ((TableCell<?, ?>) node).getText())
                .filter(text -> text != null)
                .toList();
    }
}
