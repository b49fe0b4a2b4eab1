package io.fleetdeck.views.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.api.things.ThingOverview;
import io.fleetdeck.views.common.ViewTasks;
import io.fleetdeck.views.thing.FakeInspector;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A thing open in its tab follows the device: when the fleet reports it changed, the tab shows the new version. */
@ExtendWith(ApplicationExtension.class)
class OpenThingFollowsItsChangesTest {

    private final FakeFleet fleet = FakeFleet.withThings(10);
    private final FakeInspector inspector = FakeInspector.coldStoreSensor();
    private FleetWorkspace workspace;

    @Start
    void start(Stage stage) {
        workspace = new FleetWorkspace(
                fleet,
                fleet.events,
                inspector,
                inspector,
                Clock.fixed(FakeFleet.NOW, ZoneOffset.UTC),
                ViewTasks.javaFx());
        stage.setScene(new Scene(new StackPane(workspace.node()), 1200, 800));
        stage.show();
        workspace.open(FakeInspector.THING);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void theTabReadsTheThingAgainWhenItChanges(FxRobot robot) {
        Label version = robot.lookup("#thing-shadow-version").queryAs(Label.class);
        long before = inspector.version("");
        await().atMost(Duration.ofSeconds(5)).until(() -> version.getText().startsWith("version " + before + " "));

        inspector.deviceReports("", "{\"setpoint\":4.0}");
        fleet.change(new ThingOverview(FakeInspector.THING, null, List.of(), true, FakeFleet.NOW, before + 1, 0, null));

        await().atMost(Duration.ofSeconds(5))
                .until(() -> version.getText().startsWith("version " + (before + 1) + " "));
        assertThat(inspector.version("")).isEqualTo(before + 1);
    }
}
