package io.fleetdeck.views.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.fleetdeck.views.settings.WindowGeometry;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window opens where the user left it, unless that place is no longer on any screen. */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Pane()));
        stage.show();
    }

    @Test
    void theSavedPlaceAndSizeComeBack(FxRobot robot) {
        WindowGeometry saved = new WindowGeometry(100, 80, 1100, 700, false);

        robot.interact(() -> WindowPlacement.restore(stage, Optional.of(saved)));

        assertThat(WindowPlacement.capture(stage)).isEqualTo(saved);
    }

    @Test
    void aPlaceOnAScreenThatIsGoneFallsBackToTheCentreOfThePrimaryScreen(FxRobot robot) {
        WindowGeometry onUnpluggedMonitor = new WindowGeometry(5000, 3000, 1100, 700, false);

        robot.interact(() -> WindowPlacement.restore(stage, Optional.of(onUnpluggedMonitor)));

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(stage.getX() + stage.getWidth() / 2)
                .isCloseTo(screen.getMinX() + screen.getWidth() / 2, offset(1.0));
        assertThat(stage.getY()).isBetween(screen.getMinY(), screen.getMaxY());
    }

    @Test
    void aTooSmallSavedSizeIsGrownToTheMinimum(FxRobot robot) {
        robot.interact(() -> WindowPlacement.restore(stage, Optional.of(new WindowGeometry(10, 10, 200, 100, false))));

        assertThat(stage.getWidth()).isEqualTo(WindowPlacement.MIN_WIDTH);
        assertThat(stage.getHeight()).isEqualTo(WindowPlacement.MIN_HEIGHT);
    }
}
