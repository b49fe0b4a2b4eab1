package io.fleetdeck.views.thingtypes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.api.things.ThingTypeDescription;
import io.fleetdeck.views.common.ViewTasks;
import io.fleetdeck.views.groups.GroupsSection;
import io.fleetdeck.views.shell.Screenshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Groups section's Thing types tab in a real window (Xvfb in CI): a type made through the dialog by keyboard,
 * deprecated with the toolbar's button, each outcome said under the table.
 */
@ExtendWith(ApplicationExtension.class)
class ThingTypesViewTest {

    private final FakeThingTypes registry = new FakeThingTypes();
    private ThingTypesViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        Locale.setDefault(Locale.ENGLISH);
        this.stage = stage;
        model = new ThingTypesViewModel(registry, ViewTasks.javaFx());
        ThingTypesView view = new ThingTypesView(model);
        stage.setScene(new Scene((javafx.scene.Parent) GroupsSection.of(new Label("groups"), view.node()), 900, 500));
        stage.show();
        model.reload();
    }

    @Test
    void aTypeIsMadeByKeyboardAndDeprecatedFromTheToolbar(FxRobot robot) throws Exception {
        robot.clickOn("Thing types");
        assertThat(robot.lookup(".empty-state-text").queryLabeled().getText()).startsWith("No thing type yet.");

        robot.clickOn("#thing-type-new");
        robot.write("pump");
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        robot.write("Centrifugal pumps");
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        robot.write("model, serial");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.names().contains("pump"));
        WaitForAsyncUtils.waitForFxEvents();
        await().atMost(Duration.ofSeconds(10)).until(() -> model.rows().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#thing-types-outcome").queryLabeled().getText())
                .isEqualTo("Thing type pump made.");

        @SuppressWarnings("unchecked")
        TableView<ThingTypeDescription> table = robot.lookup("#thing-types").queryAs(TableView.class);
        robot.clickOn("pump");
        Button deprecate = robot.lookup("#thing-type-deprecate").queryButton();
        assertThat(deprecate.getText()).isEqualTo("Deprecate");
        robot.clickOn(deprecate);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> model.rows().getFirst().deprecated());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems().getFirst().deprecated()).isTrue();
        assertThat(robot.lookup("Deprecated since Dec 7, 2026").tryQuery()).isPresent();
        assertThat(deprecate.getText())
                .as("the type stays selected after the table is read again, and the button offers the undo")
                .isEqualTo("Undo deprecation");
        Screenshot.of(stage.getScene(), Path.of("target", "screenshots", "thing-types.png"));
    }
}
