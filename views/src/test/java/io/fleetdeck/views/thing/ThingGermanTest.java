package io.fleetdeck.views.thing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A thing's tab on a German desktop: its summary, shadow columns, pending count, editor and history in German, and
 * screenshots a person checks for words cut short.
 */
@ExtendWith(ApplicationExtension.class)
class ThingGermanTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Locale before = Locale.getDefault();
    private final FakeInspector inspector = FakeInspector.coldStoreSensor();
    private ShellViewModel shell;
    private ThingViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        // before anything is built: the views take their words when they make their controls
        Locale.setDefault(Locale.GERMAN);
        this.stage = stage;
        shell = new ShellViewModel(
                new ConsoleInfo("/srv/fleetdeck/north-harbour", "0.1.0-test", 8883),
                new ConsoleSettings(Theme.LIGHT, null),
                settings -> {});
        model = new ThingViewModel(
                inspector,
                inspector,
                FakeInspector.THING,
                Clock.fixed(FakeInspector.NOW, ZoneOffset.UTC),
                ViewTasks.javaFx());
        ThingView view = new ThingView(model);
        new ConsoleWindow(stage, shell, Map.of(Section.FLEET, view::node)).show();
        shell.serviceStateChanged(ServiceState.RUNNING);
        shell.navigate(Section.FLEET);
        model.reload();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void aThingsTabSpeaksGerman(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(5)).until(() -> model.shadowProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#thing-pending")).isEqualTo("4 Felder ausstehend");
        assertThat(text(robot, "#thing-connection")).isEqualTo("Verbunden");
        assertThat(text(robot, "#thing-shadow-version")).startsWith("Version 4 \u00b7 geschrieben ");
        assertThat(robot.lookup("#shadow-tree").queryAs(TreeTableView.class).getColumns())
                .extracting(column -> ((javafx.scene.control.TreeTableColumn<?, ?>) column).getText())
                .containsExactly("Feld", "Gewünscht", "Gewünscht am", "Gemeldet", "Gemeldet am");
        assertThat(robot.lookup("#thing-tabs").queryAs(TabPane.class).getTabs())
                .extracting(Tab::getText)
                .containsExactly("Zustand", "Gewünscht bearbeiten", "Verlauf");
        assertThat(robot.lookup("#thing-reload").queryButton().getText()).isEqualTo("Neu laden");
        assertThat(robot.lookup("#thing-attribute-add").queryButton().getText()).isEqualTo("Hinzuf\u00fcgen\u2026");
        assertThat(robot.lookup("#thing-attribute-remove").queryButton().getText())
                .isEqualTo("Entfernen\u2026");
        screenshot(robot, "thing-de.png");

        robot.clickOn(tab(robot, "thing-tab-edit"));
        TextArea editor = robot.lookup("#thing-editor").queryAs(TextArea.class);
        robot.interact(() -> editor.setText("{\n  \"led\": \"off\"\n  \"interval\": 30\n}"));
        assertThat(text(robot, "#thing-editor-problem")).startsWith("Zeile 3, Spalte 3: ");
        assertThat(text(robot, "#thing-editor-request"))
                .startsWith("Sendet {\"state\":{\"desired\": \u2026}, \"version\": 4}: abgelehnt");
        assertThat(robot.lookup("#thing-send").queryButton().getText()).isEqualTo("Gewünscht senden");
        screenshot(robot, "thing-edit-de.png");

        robot.clickOn(tab(robot, "thing-tab-history"));
        robot.interact(() -> model.compareFromProperty().set(model.history().getLast()));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> diff = robot.lookup("#history-diff").queryTableView();
        assertThat(diff.getColumns())
                .extracting(column -> column.getText())
                .containsExactly("Änderung", "Pfad", "Vorher", "Nachher");
        screenshot(robot, "thing-history-de.png");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static Node tab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#thing-tabs").queryAs(TabPane.class);
        return tabs.lookupAll(".tab").stream()
                .filter(node -> id.equals(node.getId()))
                .findFirst()
                .orElseThrow();
    }

    private void screenshot(FxRobot robot, String name) throws Exception {
        Screenshot.ofWindowIn(robot, shell, stage.getScene(), SCREENSHOTS.resolve(name), Theme.LIGHT);
    }
}
