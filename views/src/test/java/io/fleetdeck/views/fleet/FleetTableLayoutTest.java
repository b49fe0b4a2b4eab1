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
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Fleet table with the Aggregations panel open in the window sizes users have (1280x800, 1024x680): no column is
 * cut off out of reach, columns can be hidden from the heading's menu, and the panel's width and state are kept.
 */
@ExtendWith(ApplicationExtension.class)
class FleetTableLayoutTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final FakeFleet fleet = FakeFleet.withThings(60);
    private final List<ConsoleSettings> saved = new CopyOnWriteArrayList<>();
    private ShellViewModel shell;
    private FleetWorkspace workspace;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ConsoleMemory memory = new ConsoleMemory(new ConsoleSettings(Theme.DARK, null), saved::add);
        FleetWindow window = FleetWindow.open(stage, fleet, memory);
        shell = window.shell();
        workspace = window.workspace();
    }

    @AfterEach
    void closeFeed() {
        workspace.close();
    }

    @Test
    void everyColumnCanBeReachedWithTheAggregationsOpenAt1280And1024(FxRobot robot) throws Exception {
        TableView<ThingOverview> table = robot.lookup("#fleet-table").queryTableView();
        await().atMost(Duration.ofSeconds(20)).until(() -> table.getItems().size() == 60);
        for (int[] size : new int[][] {{1280, 800}, {1024, 680}}) {
            resize(robot, size[0], size[1]);
            String where = size[0] + "x" + size[1];
            assertThat(workspace.aggregations().openProperty().get()).isTrue();

            ScrollBar sideways = horizontalBar(table);
            Node firmware = robot.lookup("#fleet-column-firmware").query();
            if (inScene(firmware).getMaxX() > inScene(table).getMaxX()) {
                assertThat(sideways != null && sideways.isVisible())
                        .as("%s: the Firmware column is past the table's edge, so the table scrolls sideways", where)
                        .isTrue();
                robot.interact(() -> sideways.setValue(sideways.getMax()));
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(inScene(firmware).getMaxX())
                        .as("%s: scrolled to the right, the Firmware column is in view", where)
                        .isLessThanOrEqualTo(inScene(table).getMaxX());
            }
            Screenshot.ofWindowIn(
                    robot, shell, stage.getScene(), SCREENSHOTS.resolve("fleet-columns-" + where + ".png"), Theme.DARK);
        }
    }

    @Test
    void aColumnHiddenFromTheMenuAndThePanelsWidthAreKept(FxRobot robot) {
        TableView<ThingOverview> table = robot.lookup("#fleet-table").queryTableView();
        await().atMost(Duration.ofSeconds(20)).until(() -> table.getItems().size() == 60);
        resize(robot, 1280, 800);

        robot.clickOn(".show-hide-columns-button");
        Node groups = robot.lookup(node -> node instanceof Labeled label
                        && "Groups".equals(label.getText())
                        && node.getScene() != stage.getScene())
                .query();
        robot.clickOn(groups);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#fleet-column-groups").tryQuery()).isEmpty();
        assertThat(saved.getLast().fleetLayout().hiddenColumns()).containsExactly("GROUPS");

        double before =
                robot.lookup("#fleet-aggregations").query().getLayoutBounds().getWidth();
        robot.drag("#fleet-aggregations-divider", MouseButton.PRIMARY)
                .moveBy(-80, 0)
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double after =
                robot.lookup("#fleet-aggregations").query().getLayoutBounds().getWidth();
        assertThat(after).isGreaterThan(before + 60);
        assertThat(saved.getLast().fleetLayout().aggregationsWidth())
                .isEqualTo(after, org.assertj.core.data.Offset.offset(10.0));

        robot.clickOn("#fleet-aggregations-toggle");
        assertThat(saved.getLast().fleetLayout().aggregationsOpen()).isFalse();
    }

    private void resize(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static ScrollBar horizontalBar(TableView<?> table) {
        return table.lookupAll(".scroll-bar").stream()
                .filter(node -> node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL)
                .map(ScrollBar.class::cast)
                .findFirst()
                .orElse(null);
    }

    private static Bounds inScene(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }
}
