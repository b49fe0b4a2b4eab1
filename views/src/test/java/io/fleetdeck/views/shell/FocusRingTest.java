package io.fleetdeck.views.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.views.settings.Theme;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
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
 * Where the keyboard is can be seen, in the light and the dark theme: each section's main controls, reached by Tab,
 * draw a ring round their edge that they do not draw when the keyboard is elsewhere. Writes a screenshot of each
 * focused control for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class FocusRingTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "focus");

    /**
     * A ring: at least an eighth of the pixels in the band along the control's edge change colour clearly when it takes
     * the focus (a 1 px accent edge all round is a sixth of that band).
     */
    private static final double RING_SHARE = 1.0 / 8;

    private WholeConsole console;
    private Stage stage;

    /** A control reached by Tab in {@code section}, and where its ring is drawn (the control itself when null). */
    record Target(Section section, String id, String ringAround) {
        Target(Section section, String id) {
            this(section, id, "#" + id);
        }
    }

    private static final List<Target> TARGETS = List.of(
            new Target(Section.FLEET, "sidebar", "#nav-fleet"),
            new Target(Section.FLEET, "theme-toggle"),
            new Target(Section.FLEET, "fleet-query"),
            new Target(Section.FLEET, "fleet-query-history"),
            new Target(Section.FLEET, "fleet-aggregations-toggle"),
            new Target(Section.FLEET, "fleet-table"),
            new Target(Section.FLEET, "fleet-tabs", "#fleet-tabs .focus-indicator"),
            new Target(Section.GROUPS, "group-create"),
            new Target(Section.GROUPS, "group-tree"),
            new Target(Section.BROKER, "broker-clients"),
            new Target(Section.BROKER, "broker-topics"),
            new Target(Section.CERTIFICATES, "cert-filter"),
            new Target(Section.CERTIFICATES, "cert-issue"),
            new Target(Section.CERTIFICATES, "cert-table"));

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = WholeConsole.open(stage, Theme.DARK);
    }

    @AfterEach
    void closeFeeds() throws Exception {
        console.close();
    }

    @Test
    void theFocusedControlShowsARingInBothThemes(FxRobot robot) throws Exception {
        TableView<?> fleet = robot.lookup("#fleet-table").queryTableView();
        await().atMost(Duration.ofSeconds(10)).until(() -> !fleet.getItems().isEmpty());
        List<String> unseen = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            if (console.shell().themeProperty().get() != theme) {
                robot.interact(console.shell()::toggleTheme);
            }
            for (Target target : TARGETS) {
                robot.push(
                        KeyCode.CONTROL,
                        KeyCode.valueOf("DIGIT" + target.section().shortcutDigit()));
                WaitForAsyncUtils.waitForFxEvents();
                Node node = robot.lookup("#" + target.id()).query();
                tabTo(robot, node);
                String name = theme.name().toLowerCase(Locale.ROOT) + "-" + target.id();
                Screenshot focused = settled(robot, SCREENSHOTS.resolve(name + ".png"));
                Node ring = robot.lookup(target.ringAround()).query();
                Bounds bounds = ring.localToScene(ring.getBoundsInLocal());
                // the keyboard on no control at all
                robot.interact(() -> stage.getScene().getRoot().requestFocus());
                Screenshot elsewhere = settled(robot, SCREENSHOTS.resolve(name + "-unfocused.png"));
                double share = focused.edgeChangeFrom(elsewhere, bounds);
                System.out.printf(Locale.ROOT, "FOCUS %s %s %.2f%n", theme, target.id(), share);
                if (share < RING_SHARE) {
                    unseen.add(String.format(
                            Locale.ROOT, "%s in the %s theme (%.0f%% of its edge)", target.id(), theme, share * 100));
                }
            }
        }
        assertThat(unseen)
                .as("controls that look the same with and without the keyboard's focus")
                .isEmpty();
    }

    private void tabTo(FxRobot robot, Node node) {
        for (int i = 0; i < 40 && stage.getScene().getFocusOwner() != node; i++) {
            robot.push(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(stage.getScene().getFocusOwner()).isSameAs(node);
    }

    private Screenshot settled(FxRobot robot, Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        robot.sleep(150);
        WaitForAsyncUtils.waitForFxEvents();
        return Screenshot.of(stage.getScene(), file);
    }
}
