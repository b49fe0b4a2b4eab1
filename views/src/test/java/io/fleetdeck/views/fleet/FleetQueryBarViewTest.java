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
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
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
 * The Fleet view's query bar in the real console window, typed into as a user would: a field suggested and taken, its
 * values offered, a malformed query marked with its column while the table keeps the last good answer, the count and
 * the firmware bars for a good one.
 */
@ExtendWith(ApplicationExtension.class)
class FleetQueryBarViewTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int COUNT = 2_000;

    private final FakeFleet fleet = FakeFleet.withThings(COUNT);
    private ShellViewModel shell;
    private FleetWorkspace workspace;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ConsoleMemory memory = new ConsoleMemory(new ConsoleSettings(Theme.DARK, null), settings -> {});
        FleetWindow window = FleetWindow.open(stage, fleet, memory);
        shell = window.shell();
        workspace = window.workspace();
    }

    @AfterEach
    void closeFeed() {
        workspace.close();
    }

    @Test
    void aUserCompletesAQueryRunsItAndSeesAMalformedOneMarked(FxRobot robot) throws Exception {
        TableView<ThingOverview> table = robot.lookup("#fleet-table").queryTableView();
        Label count = robot.lookup("#fleet-count").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> table.getItems().size() == COUNT);

        // a field by part of its name, taken with Tab, then its values, most frequent first
        robot.clickOn("#fleet-query").write("thingTypeName:gateway AND firm");
        ListView<?> suggestions = robot.lookup("#fleet-query-suggestions").queryListView();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return suggestions.isVisible() && !suggestions.getItems().isEmpty();
        });
        assertThat(labels(suggestions)).containsExactly("attributes.firmwareVersion");
        robot.type(KeyCode.TAB);
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return suggestions.isVisible() && labels(suggestions).contains("1.10.0");
        });
        assertThat(workspace.queryBar().textProperty().get())
                .isEqualTo("thingTypeName:gateway AND attributes.firmwareVersion:");
        Screenshot.ofWindowIn(
                robot, shell, stage.getScene(), SCREENSHOTS.resolve("fleet-query-completion.png"), Theme.DARK);

        // Enter on the end of the query runs it as it is: malformed, so marked, and the table keeps all things
        robot.type(KeyCode.ESCAPE).type(KeyCode.ENTER);
        Label problem = robot.lookup("#fleet-query-problem").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(5)).until(problem::isVisible);
        assertThat(problem.getText()).isEqualTo(String.format(FakeSearch.END_PROBLEM, 54));
        Node marker = robot.lookup("#fleet-query-marker").query();
        assertThat(marker.isVisible()).isTrue();
        assertThat(table.getItems()).hasSize(COUNT);
        Screenshot.ofWindowIn(
                robot, shell, stage.getScene(), SCREENSHOTS.resolve("fleet-query-error.png"), Theme.LIGHT);

        // a value, and the query runs: the count, the rows, and the firmware bars of what it found
        robot.write("1.9.7").type(KeyCode.ESCAPE).type(KeyCode.ENTER);
        long expected = fleet.allThings().stream()
                .filter(row -> "gateway".equals(row.thingType()) && "1.9.7".equals(row.firmwareVersion()))
                .count();
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == expected);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(expected).isPositive();
        assertThat(problem.isVisible()).isFalse();
        assertThat(count.getText()).isEqualTo(String.format("%,d of 2,000 things", expected));
        BarChart<?, ?> chart = robot.lookup("#fleet-bucket-chart").queryAs(BarChart.class);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(bars(chart)).containsExactly("1.9.7=" + expected);
        });
        assertThat(robot.lookup("#fleet-stat-count").queryAs(Label.class).getText())
                .isEqualTo(String.valueOf(expected));
        assertThat(workspace.queryBar().history().recent())
                .containsExactly("thingTypeName:gateway AND attributes.firmwareVersion:1.9.7");
        Screenshot.ofWindowIn(
                robot, shell, stage.getScene(), SCREENSHOTS.resolve("fleet-query-aggregation.png"), Theme.DARK);
    }

    @Test
    void aQueryThatFindsNothingSaysSo(FxRobot robot) {
        TableView<ThingOverview> table = robot.lookup("#fleet-table").queryTableView();
        await().atMost(Duration.ofSeconds(20)).until(() -> table.getItems().size() == COUNT);
        robot.clickOn("#fleet-query")
                .write("thingTypeName:toaster")
                .type(KeyCode.ESCAPE)
                .type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#fleet-no-match .empty-state-title")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("No things match thingTypeName:toaster");
        assertThat(robot.lookup("#fleet-count").queryAs(Label.class).getText()).isEqualTo("0 of 2,000 things");
    }

    private static List<String> labels(ListView<?> list) {
        return list.getItems().stream().map(item -> ((Completion) item).label()).toList();
    }

    private static List<String> bars(BarChart<?, ?> chart) {
        return chart.getData().stream()
                .flatMap(series -> series.getData().stream())
                .map(data -> ((XYChart.Data<?, ?>) data).getXValue() + "=" + ((XYChart.Data<?, ?>) data).getYValue())
                .toList();
    }
}
