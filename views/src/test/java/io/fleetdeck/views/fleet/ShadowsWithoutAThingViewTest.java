package io.fleetdeck.views.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.api.shadows.ShadowWithoutAThing;
import io.fleetdeck.views.settings.ConsoleMemory;
import io.fleetdeck.views.settings.ConsoleSettings;
import io.fleetdeck.views.settings.Theme;
import io.fleetdeck.views.shell.Screenshot;
import io.fleetdeck.views.shell.ShellViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 15, defect 14, in the window: a shadow updated for a name no thing has shows up behind the Fleet section's
 * filter, its state can be read, and "Create thing…" registers the thing, opens its tab and takes the shadow off the
 * list. Once in English, once on a German desktop.
 */
@ExtendWith(ApplicationExtension.class)
class ShadowsWithoutAThingViewTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final Locale before = Locale.getDefault();
    private final FakeFleet fleet = FakeFleet.withThings(30);
    private final FakeShadowsOfNames names = new FakeShadowsOfNames(fleet.events);
    private ShellViewModel shell;
    private FleetWorkspace workspace;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fleet.allThings().forEach(row -> names.register(row.name()));
        names.report("nosuch", "");
    }

    private void open(FxRobot robot, Locale locale, Theme theme) {
        robot.interact(() -> {
            // before anything is built: the views take their words when they make their controls
            Locale.setDefault(locale);
            ConsoleMemory memory = new ConsoleMemory(new ConsoleSettings(theme, null), settings -> {});
            FleetWindow window = FleetWindow.open(stage, fleet, memory, names, names, fleet.events);
            shell = window.shell();
            workspace = window.workspace();
        });
    }

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
        Locale.setDefault(before);
    }

    @Test
    void aShadowWithoutAThingIsFoundByTheFilterAndItsThingCreatedFromThere(FxRobot robot) throws Exception {
        open(robot, Locale.US, Theme.LIGHT);
        ToggleButton filter = robot.lookup("#fleet-show-unregistered").queryAs(ToggleButton.class);
        await().atMost(PATIENCE).until(() -> filter.getText().equals("Shadows without a thing (1)"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#fleet-unregistered-switch").query().isVisible())
                .isTrue();

        names.report("ghost-3", "config");
        await().atMost(PATIENCE).until(() -> filter.getText().equals("Shadows without a thing (2)"));
        robot.clickOn(filter);
        TableView<ShadowWithoutAThing> table =
                robot.lookup("#unregistered-table").queryTableView();
        assertThat(onScreen(table)).isTrue();
        assertThat(onScreen(robot.lookup("#fleet-table").query())).isFalse();
        assertThat(robot.lookup("#fleet-aggregations-toggle").query().isDisabled())
                .isTrue();
        assertThat(table.getColumns().stream().map(column -> column.getText()))
                .containsExactly("Thing name", "Shadow", "Version", "Last update");

        robot.clickOn("nosuch");
        Label title = robot.lookup("#unregistered-title").queryAs(Label.class);
        TextArea state = robot.lookup("#unregistered-document").queryAs(TextArea.class);
        await().atMost(PATIENCE).until(() -> state.getText().contains("\"battery\" : 99"));
        assertThat(title.getText()).isEqualTo("No thing is registered by the name nosuch.");
        assertThat(state.isEditable()).isFalse();
        Screenshot.ofWindowIn(
                robot, shell, stage.getScene(), SCREENSHOTS.resolve("fleet-unregistered.png"), Theme.LIGHT);

        robot.clickOn("#unregistered-create");
        Button create = (Button) robot.lookup(".dialog-pane .button")
                .match((Node node) ->
                        node instanceof Button button && button.getText().equals("Create"))
                .query();
        robot.clickOn(create);

        TabPane tabs = robot.lookup("#fleet-tabs").queryAs(TabPane.class);
        await().atMost(PATIENCE)
                .until(() -> "nosuch"
                        .equals(tabs.getSelectionModel().getSelectedItem().getUserData()));
        await().atMost(PATIENCE).until(() -> filter.getText().equals("Shadows without a thing (1)"));
        assertThat(table.getItems()).extracting(ShadowWithoutAThing::thingName).containsExactly("ghost-3");
    }

    /** Whether the node and every node around it are visible. */
    private static boolean onScreen(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theFilterSpeaksGerman(FxRobot robot) throws Exception {
        open(robot, Locale.GERMAN, Theme.DARK);
        ToggleButton filter = robot.lookup("#fleet-show-unregistered").queryAs(ToggleButton.class);
        await().atMost(PATIENCE).until(() -> filter.getText().equals("Schatten ohne Objekt (1)"));
        assertThat(robot.lookup("#fleet-show-things")
                        .queryAs(ToggleButton.class)
                        .getText())
                .isEqualTo("Objekte");

        robot.clickOn(filter);
        robot.clickOn("nosuch");
        TableView<ShadowWithoutAThing> table =
                robot.lookup("#unregistered-table").queryTableView();
        assertThat(table.getColumns().stream().map(column -> column.getText()))
                .containsExactly("Objektname", "Schatten", "Version", "Letzte Änderung");
        assertThat(robot.lookup("#unregistered-title").queryAs(Label.class).getText())
                .isEqualTo("Unter dem Namen nosuch ist kein Objekt registriert.");
        assertThat(robot.lookup("#unregistered-create").queryAs(Button.class).getText())
                .isEqualTo("Objekt anlegen\u2026");
        assertThat(robot.lookup("klassisch").tryQuery()).isPresent();
        WaitForAsyncUtils.waitForFxEvents();
        Screenshot.ofWindowIn(
                robot, shell, stage.getScene(), SCREENSHOTS.resolve("fleet-unregistered-de.png"), Theme.DARK);
    }
}
