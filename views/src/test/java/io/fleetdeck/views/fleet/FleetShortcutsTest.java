package io.fleetdeck.views.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.api.things.ThingOverview;
import io.fleetdeck.views.settings.ConsoleMemory;
import io.fleetdeck.views.settings.ConsoleSettings;
import io.fleetdeck.views.settings.Theme;
import io.fleetdeck.views.shell.Screenshot;
import io.fleetdeck.views.shell.Section;
import io.fleetdeck.views.shell.ShellViewModel;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
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
 * The window's shortcuts from wherever the focus is, in the real console window: Ctrl+F right after a click on a tab
 * header, from a thing's tab, from another section; the shortcuts list (F1, Ctrl+/) and Esc that closes it.
 */
@ExtendWith(ApplicationExtension.class)
class FleetShortcutsTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final FakeFleet fleet = FakeFleet.withThings(50);
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

    private void waitForTheFleet(FxRobot robot) {
        TableView<ThingOverview> table = robot.lookup("#fleet-table").queryTableView();
        await().atMost(Duration.ofSeconds(20)).until(() -> table.getItems().size() == 50);
    }

    private String query() {
        return workspace.queryBar().textProperty().get();
    }

    @Test
    void ctrlFRightAfterClickingTheThingsTabTypesIntoTheQueryBar(FxRobot robot) {
        waitForTheFleet(robot);
        robot.clickOn("#fleet-tab-things");

        robot.push(KeyCode.CONTROL, KeyCode.F).write("thingName:pump");

        assertThat(query()).isEqualTo("thingName:pump");
    }

    @Test
    void ctrlFFromAThingsTabGoesBackToTheQueryBar(FxRobot robot) {
        waitForTheFleet(robot);
        String name = fleet.allThings().getFirst().name();
        robot.interact(() -> workspace.open(name));
        robot.clickOn("#thing-tab-" + name);

        robot.push(KeyCode.CONTROL, KeyCode.F).write("firm");

        TabPane tabs = robot.lookup("#fleet-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("fleet-tab-things");
        assertThat(query()).isEqualTo("firm");
    }

    @Test
    void ctrlFFromAnotherSectionGoesToTheFleetsQueryBar(FxRobot robot) {
        waitForTheFleet(robot);
        robot.clickOn("#nav-broker");
        assertThat(shell.sectionProperty().get()).isEqualTo(Section.BROKER);

        robot.push(KeyCode.CONTROL, KeyCode.F).write("conn");

        assertThat(shell.sectionProperty().get()).isEqualTo(Section.FLEET);
        assertThat(query()).isEqualTo("conn");
    }

    @Test
    void f1AndCtrlSlashListEveryShortcutAndEscClosesTheList(FxRobot robot) throws Exception {
        waitForTheFleet(robot);
        Node overlay = robot.lookup("#shortcuts-overlay").query();
        assertThat(overlay.isVisible()).isFalse();

        robot.clickOn("#fleet-tab-things").push(KeyCode.F1);
        assertThat(overlay.isVisible()).isTrue();
        assertThat(robot.lookup("#shortcuts-card .shortcut-keys").queryAllAs(Label.class))
                .extracting(Label::getText)
                .contains("Ctrl+1", "Ctrl+8", "Ctrl+F", "Ctrl+Shift+L", "F1 or Ctrl+/", "Esc");
        Screenshot.ofWindowIn(robot, shell, stage.getScene(), SCREENSHOTS.resolve("shortcuts-dark.png"), Theme.DARK);
        Screenshot.ofWindowIn(robot, shell, stage.getScene(), SCREENSHOTS.resolve("shortcuts-light.png"), Theme.LIGHT);

        robot.push(KeyCode.ESCAPE);
        assertThat(overlay.isVisible()).isFalse();

        // from inside the query bar too, where the keys would otherwise be typed
        robot.clickOn("#fleet-query").push(KeyCode.CONTROL, KeyCode.SLASH);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(overlay.isVisible()).isTrue();
        robot.push(KeyCode.ESCAPE);
        assertThat(overlay.isVisible()).isFalse();
        assertThat(query()).isEmpty();
    }
}
