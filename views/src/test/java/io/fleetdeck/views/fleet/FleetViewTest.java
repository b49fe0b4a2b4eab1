package io.fleetdeck.views.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.api.things.ThingOverview;
import io.fleetdeck.views.common.ViewTasks;
import io.fleetdeck.views.settings.ConsoleSettings;
import io.fleetdeck.views.settings.Theme;
import io.fleetdeck.views.shell.ConsoleInfo;
import io.fleetdeck.views.shell.ConsoleWindow;
import io.fleetdeck.views.shell.Screenshot;
import io.fleetdeck.views.shell.Section;
import io.fleetdeck.views.shell.ServiceState;
import io.fleetdeck.views.shell.ShellViewModel;
import io.fleetdeck.views.thing.FakeInspector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
 * The Fleet section in the real console window (Xvfb in CI) over 100,000 things, driven as a user would: wait for the
 * count, sort by a heading, filter, open things by double-click and Enter, watch a thing change. Writes the
 * screenshots a person checks.
 */
@ExtendWith(ApplicationExtension.class)
class FleetViewTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Clock CLOCK = Clock.fixed(FakeFleet.NOW, ZoneOffset.UTC);
    private static final int COUNT = 100_000;

    private final FakeFleet fleet = FakeFleet.withThings(COUNT);
    private ShellViewModel shell;
    private FleetWorkspace workspace;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        shell = new ShellViewModel(
                new ConsoleInfo("/srv/fleetdeck/north-harbour", "0.1.0-test", 8883),
                new ConsoleSettings(Theme.DARK, null),
                settings -> {});
        FakeInspector anyThing = FakeInspector.anyThing();
        workspace = new FleetWorkspace(fleet, fleet.events, anyThing, anyThing, CLOCK, ViewTasks.javaFx());
        ConsoleWindow window = new ConsoleWindow(stage, shell, Map.of(Section.FLEET, workspace::node));
        window.show();
        shell.serviceStateChanged(ServiceState.RUNNING);
        shell.navigate(Section.FLEET);
    }

    @AfterEach
    void closeFeed() {
        workspace.close();
    }

    @Test
    void aHundredThousandThingsLoadSortFilterAndOpen(FxRobot robot) throws Exception {
        TableView<ThingOverview> table = robot.lookup("#fleet-table").queryTableView();
        Label count = robot.lookup("#fleet-count").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> table.getItems().size() == COUNT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(count.getText()).isEqualTo("100,000 things");
        assertThat(isSorted(table.getItems(), new FleetOrder(ThingColumn.NAME, true)))
                .isTrue();

        // Last seen, once up and once down: never-seen things stay at the bottom both ways
        robot.clickOn(header(robot, "Last seen"));
        awaitOrder(table, new FleetOrder(ThingColumn.LAST_SEEN, true));
        assertThat(table.getItems().getFirst().lastSeen()).isNotNull();
        assertThat(table.getItems().getLast().lastSeen()).isNull();
        robot.clickOn(header(robot, "Last seen"));
        awaitOrder(table, new FleetOrder(ThingColumn.LAST_SEEN, false));
        assertThat(table.getItems().getFirst().lastSeen())
                .isEqualTo(table.getItems().stream()
                        .map(ThingOverview::lastSeen)
                        .filter(Objects::nonNull)
                        .max(Comparator.naturalOrder())
                        .orElseThrow());
        assertThat(table.getItems().getLast().lastSeen()).isNull();
        assertThat(fleet.readingThreads).containsOnly("fleet-view-worker");

        screenshotWithTheLongNameSelected(robot, table);

        // a cut name reads whole in its tooltip
        TableCell<?, ?> longName = robot.lookup("#fleet-table .table-cell")
                .match(node -> node instanceof TableCell<?, ?> cell && FakeFleet.LONG_NAME.equals(cell.getText()))
                .query();
        robot.moveTo(longName).moveBy(4, 0);
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        longName.getTooltip() != null && longName.getTooltip().isShowing());
        assertThat(longName.getTooltip().getText()).isEqualTo(FakeFleet.LONG_NAME);
        robot.moveTo("#fleet-count");

        // the quick filter, on a floor group
        robot.clickOn("#fleet-filter").write("east-quay-b3-floor-4");
        long expected = fleet.allThings().stream()
                .filter(row -> row.groups().contains("east-quay-b3-floor-4"))
                .count();
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == expected);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).allMatch(row -> row.groups().contains("east-quay-b3-floor-4"));
        assertThat(isSorted(table.getItems(), new FleetOrder(ThingColumn.LAST_SEEN, false)))
                .as("the order stays while filtering")
                .isTrue();
        assertThat(count.getText()).isEqualTo(String.format("%,d of 100,000 things", expected));

        // open by double-click, then another by Enter; each in a tab of its own
        ThingOverview first = table.getItems().getFirst();
        robot.doubleClickOn(row(robot, 0), MouseButton.PRIMARY);
        TabPane tabs = robot.lookup("#fleet-tabs").queryAs(TabPane.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> tabs.getTabs().size() == 2);
        assertThat(tabs.getSelectionModel().getSelectedItem().getUserData()).isEqualTo(first.name());
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#thing-type").tryQuery().isPresent()
                    && "temperature-sensor"
                            .equals(robot.lookup("#thing-type")
                                    .queryAs(Label.class)
                                    .getText());
        });
        assertThat(robot.lookup("#thing-name").queryAs(Label.class).getText()).isEqualTo(first.name());

        robot.interact(() -> tabs.getSelectionModel().selectFirst());
        ThingOverview third = table.getItems().get(2);
        robot.clickOn(row(robot, 2)).type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(5)).until(() -> tabs.getTabs().size() == 3);
        assertThat(tabs.getSelectionModel().getSelectedItem().getUserData()).isEqualTo(third.name());

        // opening one that has a tab selects that tab
        robot.interact(() -> tabs.getSelectionModel().selectFirst());
        robot.doubleClickOn(row(robot, 0), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getTabs()).hasSize(3);
        assertThat(tabs.getSelectionModel().getSelectedItem().getUserData()).isEqualTo(first.name());
    }

    @Test
    void aThingThatChangesIsUpdatedInPlaceAndStaysSelected(FxRobot robot) {
        TableView<ThingOverview> table = robot.lookup("#fleet-table").queryTableView();
        await().atMost(Duration.ofSeconds(20)).until(() -> table.getItems().size() == COUNT);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(row(robot, 3));
        ThingOverview chosen = table.getSelectionModel().getSelectedItem();

        fleet.change(new ThingOverview(
                chosen.name(),
                chosen.thingType(),
                chosen.groups(),
                false,
                FakeFleet.NOW,
                chosen.shadowVersion() + 1,
                2,
                "2.1.0"));

        await().atMost(Duration.ofSeconds(5)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return cell(robot, 3, "Shadow").getText().endsWith("2 fields pending");
        });
        assertThat(cell(robot, 3, "Shadow").getStyleClass()).contains("fleet-pending");
        assertThat(cell(robot, 3, "Connected").getText()).isEqualTo("Offline");
        assertThat(cell(robot, 3, "Firmware").getText()).isEqualTo("2.1.0");
        assertThat(table.getSelectionModel().getSelectedItem().name()).isEqualTo(chosen.name());
        assertThat(table.getItems()).hasSize(COUNT);
    }

    @Test
    void anEmptyFleetSaysHowThingsGetThere(FxRobot robot) throws Exception {
        FleetViewModel empty = new FleetViewModel((query, number) -> {}, CLOCK);
        robot.interact(() -> {
            stage.setScene(new Scene((Parent) new FleetView(empty, name -> {}).node(), 1280, 800));
            stage.getScene()
                    .getStylesheets()
                    .add(FleetView.class
                            .getResource("/io/fleetdeck/views/console.css")
                            .toExternalForm());
        });
        assertThat(robot.lookup("#fleet-count").queryAs(Label.class).getText()).isEqualTo("Reading the fleet\u2026");

        robot.interact(() -> empty.apply(new FleetRows().load(List.of())));

        Node placeholder = robot.lookup("#fleet-table").queryTableView().getPlaceholder();
        assertThat(placeholder.getId()).isEqualTo("fleet-empty");
        assertThat(robot.lookup("#fleet-empty .empty-state-text")
                        .queryAs(Label.class)
                        .getText())
                .contains("fleetdeck device add NAME");
        assertThat(robot.lookup("#fleet-count").queryAs(Label.class).getText()).isEqualTo("0 things");
    }

    /** Newest first, the long-named thing selected a few rows down. */
    private void screenshotWithTheLongNameSelected(FxRobot robot, TableView<ThingOverview> table) throws Exception {
        robot.interact(() -> {
            int index = 0;
            while (!table.getItems().get(index).name().equals(FakeFleet.LONG_NAME)) {
                index++;
            }
            table.scrollTo(0);
            table.getSelectionModel().clearAndSelect(index);
        });
        screenshot(robot, "fleet-100k-dark.png", Theme.DARK);
        screenshot(robot, "fleet-100k-light.png", Theme.LIGHT);
        robot.interact(() -> shell.toggleTheme());
    }

    private static void awaitOrder(TableView<ThingOverview> table, FleetOrder order) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return isSorted(table.getItems(), order);
        });
    }

    private static boolean isSorted(List<ThingOverview> rows, FleetOrder order) {
        Comparator<ThingOverview> comparator = order.comparator();
        for (int i = 1; i < rows.size(); i++) {
            if (comparator.compare(rows.get(i - 1), rows.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static Node header(FxRobot robot, String title) {
        return robot.lookup("#fleet-table .column-header")
                .match(node -> node.lookup(".label") instanceof Label label && title.equals(label.getText()))
                .query();
    }

    private static Node row(FxRobot robot, int index) {
        return robot.lookup("#fleet-table .table-row-cell")
                .match(node -> ((TableRow<?>) node).getIndex() == index)
                .query();
    }

    private static TableCell<?, ?> cell(FxRobot robot, int index, String column) {
        return robot.from(row(robot, index))
                .lookup(".table-cell")
                .match(node -> {
                    TableColumn<?, ?> of = ((TableCell<?, ?>) node).getTableColumn();
                    return of != null && of.getText().equals(column);
                })
                .query();
    }

    private void screenshot(FxRobot robot, String name, Theme theme) throws Exception {
        Screenshot.ofWindowIn(robot, shell, stage.getScene(), SCREENSHOTS.resolve(name), theme);
    }
}
