package io.fleetdeck.views.thing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.api.things.ThingChange;
import io.fleetdeck.views.common.ViewTasks;
import io.fleetdeck.views.settings.ConsoleSettings;
import io.fleetdeck.views.settings.Theme;
import io.fleetdeck.views.shell.ConsoleInfo;
import io.fleetdeck.views.shell.ConsoleWindow;
import io.fleetdeck.views.shell.Screenshot;
import io.fleetdeck.views.shell.Section;
import io.fleetdeck.views.shell.ServiceState;
import io.fleetdeck.views.shell.ShellViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A thing opened in the console window (Xvfb in CI): its classic shadow with the delta highlighted, the editor
 * checking JSON, a send refused with 409 because the device reported meanwhile, the reload, and the history's diff.
 * Writes the screenshots a person checks.
 */
@ExtendWith(ApplicationExtension.class)
class ThingViewTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final FakeInspector inspector = FakeInspector.coldStoreSensor();
    private ShellViewModel shell;
    private ThingViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        shell = new ShellViewModel(
                new ConsoleInfo("/srv/fleetdeck/north-harbour", "0.1.0-test", 8883),
                new ConsoleSettings(Theme.DARK, null),
                settings -> {});
        model = new ThingViewModel(
                inspector,
                inspector,
                FakeInspector.THING,
                Clock.fixed(FakeInspector.NOW, ZoneOffset.UTC),
                ViewTasks.javaFx());
        ThingView view = new ThingView(model);
        ConsoleWindow window = new ConsoleWindow(stage, shell, Map.of(Section.FLEET, view::node));
        window.show();
        shell.serviceStateChanged(ServiceState.RUNNING);
        shell.navigate(Section.FLEET);
        model.reload();
    }

    @Test
    void theDeltaIsHighlightedAndAConflictingSendSaysSoAndReloads(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(5)).until(() -> model.shadowProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        // desired 30 against reported 60: in the delta; unit C on both sides: not
        assertThat(row(robot, "interval").getStyleClass()).contains("shadow-pending");
        assertThat(cell(robot, "interval", "Desired").getText()).isEqualTo("30");
        assertThat(cell(robot, "interval", "Reported").getText()).isEqualTo("60");
        assertThat(row(robot, "unit").getStyleClass()).doesNotContain("shadow-pending");
        assertThat(cell(robot, "led", "Reported").getText()).isEqualTo("not reported");
        assertThat(robot.lookup("#thing-pending").queryAs(Label.class).getText())
                .isEqualTo("4 fields pending");
        assertThat(robot.lookup("#thing-shadow-version").queryAs(Label.class).getText())
                .startsWith("version 4");
        assertThat(robot.lookup("#thing-connection").queryAs(Label.class).getText())
                .isEqualTo("Connected");
        assertThat(robot.lookup("#thing-attribute-firmwareVersion")
                        .queryAs(TextField.class)
                        .getText())
                .isEqualTo("1.9.7");
        screenshot(robot, "thing-detail-dark.png", Theme.DARK);
        screenshot(robot, "thing-detail-light.png", Theme.LIGHT);
        robot.interact(() -> shell.toggleTheme());

        // the editor checks JSON as it is typed
        robot.clickOn(tab(robot, "thing-tab-edit"));
        TextArea editor = robot.lookup("#thing-editor").queryAs(TextArea.class);
        robot.interact(() -> editor.setText("{\n  \"led\": \"off\"\n  \"interval\": 30\n}"));
        Label problem = robot.lookup("#thing-editor-problem").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).startsWith("Line 3, column 3: Unexpected character");
        assertThat(robot.lookup("#thing-send").queryButton().isDisabled()).isTrue();

        // the device reports while the user edits: the send names version 4 and is refused
        robot.interact(() -> editor.setText("{\n  \"led\": \"off\",\n  \"config\": {\"interval\": 30}\n}"));
        assertThat(problem.isVisible()).isFalse();
        inspector.deviceReports("", "{\"temperature\": 4.6}");
        robot.clickOn("#thing-send");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> model.conflictProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#thing-notice-text").queryAs(Label.class).getText())
                .startsWith("Version conflict (409)")
                .contains("version 4");
        assertThat(robot.lookup("#thing-notice").query().getStyleClass()).contains("error");
        Button reload = robot.lookup("#thing-notice .thing-conflict-reload").queryButton();
        assertThat(reload.isVisible()).isTrue();
        assertThat(inspector.version("")).isEqualTo(5);
        screenshot(robot, "thing-conflict-dark.png", Theme.DARK);

        robot.clickOn(reload);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> model.shadowProperty().get().version() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.getText()).contains("\"led\": \"off\"");
        assertThat(robot.lookup("#thing-editor-request").queryAs(Label.class).getText())
                .contains("\"version\": 5");
        robot.clickOn("#thing-send");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> model.shadowProperty().get().version() == 6);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inspector.updates.getLast()).contains("\"version\":5");
        Label sent = robot.lookup("#thing-notice-text").queryAs(Label.class);
        assertThat(sent.getText()).startsWith("Sent. The shadow is at version 6");
        assertThat(sent.getAccessibleText()).startsWith("Done: Sent.");
        assertThat(robot.lookup("#thing-notice").query().getStyleClass()).contains("success");
        assertThat(robot.lookup(".thing-conflict-reload").tryQuery())
                .as("Reload is offered only after a conflict")
                .isEmpty();
        // the notice slides in above the thing's panes, which move down rather than hide under it
        NotificationPane notice = robot.lookup("#thing-notice").queryAs(NotificationPane.class);
        Node panes = robot.lookup(".thing-split").query();
        await().atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(inScene(panes).getMinY())
                        .isGreaterThanOrEqualTo(inScene(sent).getMaxY()));
        assertThat(notice.isShowing()).isTrue();

        Button dismiss = robot.lookup("#thing-notice-dismiss").queryButton();
        assertThat(dismiss.getAccessibleText()).isEqualTo("Dismiss");
        robot.clickOn(dismiss);
        await().atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(inScene(panes).getMinY())
                        .as("the panes take the notice's place back")
                        .isEqualTo(inScene(notice).getMinY()));
        assertThat(notice.isShowing()).isFalse();
        assertThat(model.noticeProperty().get()).isNull();

        // the history: newest on top, compare any two
        robot.clickOn(tab(robot, "thing-tab-history"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.history()).extracting(TimelineVersion::version).startsWith(6L, 5L, 4L);
        TableView<?> diff = robot.lookup("#history-diff").queryTableView();
        assertThat(diff.getItems())
                .extracting(change -> ((FieldChange) change).path())
                .contains("desired.led", "desired.thresholds");
        robot.interact(() -> model.compareFromProperty().set(model.history().getLast()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(diff.getItems())
                .extracting(change -> ((FieldChange) change).path())
                .contains("reported.temperature", "desired.config.interval");
        screenshot(robot, "thing-history-dark.png", Theme.DARK);
    }

    private static TreeTableRow<?> row(FxRobot robot, String key) {
        return robot.lookup("#shadow-tree .tree-table-row-cell")
                .match(node -> node instanceof TreeTableRow<?> row
                        && row.getItem() instanceof ShadowField field
                        && field.key().equals(key))
                .query();
    }

    private static TreeTableCell<?, ?> cell(FxRobot robot, String key, String column) {
        return robot.from(row(robot, key))
                .lookup(".tree-table-cell")
                .match(node -> node instanceof TreeTableCell<?, ?> cell
                        && cell.getTableColumn() != null
                        && Objects.equals(cell.getTableColumn().getText(), column))
                .query();
    }

    private static Node tab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#thing-tabs").queryAs(TabPane.class);
        return tabs.lookupAll(".tab").stream()
                .filter(node -> id.equals(node.getId()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anAttributeIsEditedInThePropertySheetAtTheVersionReadAndARefusalSaysWhy(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(5)).until(() -> model.detailProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        TextField floor = robot.lookup("#thing-attribute-floor").queryAs(TextField.class);
        robot.doubleClickOn(floor).write("3a").type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(5)).until(() -> !inspector.thingChanges.isEmpty());
        assertThat(inspector.thingChanges.getFirst())
                .isEqualTo(new ThingChange(FakeInspector.THING, Map.of("floor", "3a"), true, 4L));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> model.detailProperty().get().version() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#thing-attribute-floor")
                        .queryAs(TextField.class)
                        .getText())
                .isEqualTo("3a");
        assertThat(robot.lookup("#thing-registry-version").queryAs(Label.class).getText())
                .isEqualTo("5");
        assertThat(robot.lookup("#thing-notice-text").queryAs(Label.class).getText())
                .isEqualTo("Attribute floor is now 3a.");
        screenshot(robot, "thing-attributes-dark.png", Theme.DARK);
        screenshot(robot, "thing-attributes-light.png", Theme.LIGHT);

        // another console changed the entry meanwhile: the registry refuses, in its words, and the tab reads again
        inspector.changedElsewhere();
        TextField site = robot.lookup("#thing-attribute-site").queryAs(TextField.class);
        robot.doubleClickOn(site).write("west-yard").type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(5)).until(() -> inspector.thingChanges.size() == 2);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(robot.lookup("#thing-notice-text")
                                .queryAs(Label.class)
                                .getText())
                        .isEqualTo("Could not change attribute site: The thing " + FakeInspector.THING
                                + " is at version 6, not 5"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> model.detailProperty().get().version() == 6);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#thing-attribute-site")
                        .queryAs(TextField.class)
                        .getText())
                .as("the value as the registry has it")
                .isEqualTo("north-harbour");

        robot.clickOn("#thing-attribute-add");
        robot.clickOn("#thing-attribute-name").write("wing");
        robot.clickOn("#thing-attribute-new-value").write("east");
        robot.clickOn("#thing-attribute-confirm");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> robot.lookup("#thing-attribute-wing").tryQuery().isPresent());
        assertThat(inspector.thingChanges.getLast())
                .isEqualTo(new ThingChange(FakeInspector.THING, Map.of("wing", "east"), true, 6L));
    }

    private void screenshot(FxRobot robot, String name, Theme theme) throws Exception {
        Screenshot.ofWindowIn(robot, shell, stage.getScene(), SCREENSHOTS.resolve(name), theme);
    }

    private static Bounds inScene(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }
}
