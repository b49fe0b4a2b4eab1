package io.fleetdeck.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.views.settings.ConsoleSettings;
import io.fleetdeck.views.settings.Theme;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The console shell in a real window (Xvfb in CI), driven as a user would: clicks, shortcuts, the theme switch. */
@ExtendWith(ApplicationExtension.class)
class ConsoleWindowTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String LONG_DATA_FOLDER = "/srv/sites/north-harbour-pumping-station-17/operations-console/"
            + "fleetdeck-data-folder-with-a-really-long-name-for-testing/instance-a";

    private final List<ConsoleSettings> saved = new CopyOnWriteArrayList<>();
    private final AtomicInteger closeRequests = new AtomicInteger();
    private ShellViewModel model;
    private ConsoleWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new ShellViewModel(
                new ConsoleInfo(LONG_DATA_FOLDER, "0.1.0-test", 8883),
                new ConsoleSettings(Theme.DARK, null),
                saved::add);
        window = new ConsoleWindow(stage, model);
        window.onCloseRequest(closeRequests::incrementAndGet);
        model.serviceStateChanged(ServiceState.RUNNING);
        window.show();
    }

    @Test
    void everySectionCanBeVisitedFromTheSidebar(FxRobot robot) {
        for (Section section : Section.values()) {
            robot.clickOn("#nav-" + id(section));

            assertThat(robot.lookup("#section-title").queryAs(Label.class).getText())
                    .isEqualTo(section.title());
            assertThat(stage.getTitle()).isEqualTo("Fleetdeck \u2014 " + section.title());
            Node emptyState = robot.lookup("#empty-" + id(section)).query();
            assertThat(emptyState.isVisible()).isTrue();
            assertThat(robot.lookup(".empty-state-text").queryAs(Label.class).getText())
                    .isEqualTo(section.purpose());
        }
    }

    @Test
    void ctrlDigitJumpsToEachSection(FxRobot robot) {
        robot.clickOn("#section-title");
        for (Section section : Section.values()) {
            robot.push(KeyCode.CONTROL, KeyCode.valueOf("DIGIT" + section.shortcutDigit()));

            assertThat(model.sectionProperty().get()).isEqualTo(section);
            assertThat(robot.lookup("#section-title").queryAs(Label.class).getText())
                    .isEqualTo(section.title());
        }
    }

    @Test
    void arrowKeysMoveThroughTheSidebar(FxRobot robot) {
        robot.clickOn("#nav-fleet");
        robot.type(KeyCode.DOWN, 2);

        assertThat(model.sectionProperty().get()).isEqualTo(Section.JOBS);
    }

    @Test
    void theThemeSwitchChangesTheLookAndIsRemembered(FxRobot robot) {
        assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");

        robot.clickOn("#theme-toggle");

        assertThat(Application.getUserAgentStylesheet()).contains("primer-light");
        assertThat(saved).extracting(ConsoleSettings::theme).containsExactly(Theme.LIGHT);

        robot.clickOn("#section-title");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);

        assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");
        assertThat(saved).extracting(ConsoleSettings::theme).containsExactly(Theme.LIGHT, Theme.DARK);
    }

    @Test
    void aLongDataFolderIsShortenedAndTheVersionStaysInView(FxRobot robot) {
        Label folder = robot.lookup("#status-data-folder").queryAs(Label.class);
        Label version = robot.lookup("#status-version").queryAs(Label.class);

        assertThat(folder.getTooltip().getText()).isEqualTo(LONG_DATA_FOLDER);
        Bounds versionInScene = version.localToScene(version.getBoundsInLocal());
        assertThat(versionInScene.getMaxX())
                .isLessThanOrEqualTo(stage.getScene().getWidth());
        assertThat(robot.lookup("#status-services").queryAs(Label.class).getText())
                .isEqualTo("Services running");
    }

    @Test
    void theStatusBarSaysWhereDevicesConnect(FxRobot robot) {
        Label broker = robot.lookup("#status-bar #status-broker").queryAs(Label.class);

        assertThat(broker.getText()).isEqualTo("MQTT over TLS on port 8883");
        assertThat(broker.isTextTruncated()).isFalse();
        assertThat(robot.lookup("#status-bar .status-label")
                        .queryAs(Label.class)
                        .getText())
                .as("ControlsFX's own message slot does not say its default \"OK\"")
                .isEmpty();
    }

    @Test
    void closingTheWindowAsksTheApplicationToShutDown(FxRobot robot) {
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

        assertThat(closeRequests).hasValue(1);
        assertThat(stage.isShowing())
                .as("the application, not the window, decides when to close")
                .isTrue();

        robot.interact(window::close);

        assertThat(stage.isShowing()).isFalse();
        assertThat(saved).singleElement().satisfies(settings -> {
            assertThat(settings.savedWindow()).isPresent();
            assertThat(settings.window().width()).isEqualTo(stage.getWidth());
        });
    }

    @Test
    void screenshotsOfEverySectionInBothThemes(FxRobot robot) throws Exception {
        for (Theme theme : Theme.values()) {
            if (model.themeProperty().get() != theme) {
                robot.interact(model::toggleTheme);
            }
            for (Section section : Section.values()) {
                robot.interact(() -> model.navigate(section));
                WaitForAsyncUtils.waitForFxEvents();

                Path file = SCREENSHOTS.resolve(theme.name().toLowerCase(Locale.ROOT) + "-" + id(section) + ".png");
                Screenshot shot = Screenshot.of(stage.getScene(), file);
                String where = file + ", " + theme + " theme";

                // the theme's own backgrounds (AtlantaFX Primer): the page behind the section, the sidebar below
                // its last entry
                Bounds content = inScene(robot.lookup(".section-content").query());
                assertThat(hex(shot.rgbAt(content.getMinX() + 8, content.getMinY() + 8)))
                        .as("%s: the page background", where)
                        .isEqualTo(theme == Theme.DARK ? "#0d1117" : "#ffffff");
                Bounds sidebar = inScene(robot.lookup("#sidebar").query());
                assertThat(hex(shot.rgbAt(sidebar.getMinX() + 8, sidebar.getMaxY() - 8)))
                        .as("%s: the sidebar background", where)
                        .isEqualTo(theme == Theme.DARK ? "#161b22" : "#f6f8fa");
                assertThat(shot.isMostlyDark()).as("%s is mostly dark", where).isEqualTo(theme == Theme.DARK);

                // every section's entry in the sidebar, in order, drawn in the window, the shown one selected
                List<Label> entries = robot.lookup("#sidebar .sidebar-title").queryAllAs(Label.class).stream()
                        .sorted(Comparator.comparingDouble(
                                label -> inScene(label).getMinY()))
                        .toList();
                assertThat(entries)
                        .extracting(Label::getText)
                        .as("%s: the sidebar's entries", where)
                        .containsExactlyElementsOf(
                                Stream.of(Section.values()).map(Section::title).toList());
                for (Label entry : entries) {
                    assertThat(shot.inkPixelsIn(inScene(entry)))
                            .as("%s: the sidebar's %s is drawn", where, entry.getText())
                            .isGreaterThan(20);
                }
                assertThat(robot.lookup("#sidebar .list-cell:selected .sidebar-title")
                                .queryAs(Label.class)
                                .getText())
                        .as("%s: the selected sidebar entry", where)
                        .isEqualTo(section.title());

                // the section's title, what it is for, and the status bar, each with text drawn
                Label title = robot.lookup("#section-title").queryAs(Label.class);
                assertThat(title.getText()).isEqualTo(section.title());
                Label purpose = robot.lookup("#empty-" + id(section) + " .empty-state-text")
                        .queryAs(Label.class);
                assertThat(purpose.getText()).isEqualTo(section.purpose());
                // ControlsFX's status bar in the theme's colours, not its own light grey
                Bounds statusBar = inScene(robot.lookup("#status-bar").query());
                assertThat(hex(shot.rgbAt(statusBar.getMaxX() - 4, statusBar.getMaxY() - 4)))
                        .as("%s: the status bar background", where)
                        .isEqualTo(theme == Theme.DARK ? "#161b22" : "#f6f8fa");
                Label services = robot.lookup("#status-services").queryAs(Label.class);
                Label broker = robot.lookup("#status-broker").queryAs(Label.class);
                for (Label text : List.of(title, purpose, services, broker)) {
                    assertThat(shot.inkPixelsIn(inScene(text)))
                            .as("%s: '%s' is drawn", where, text.getText())
                            .isGreaterThan(20);
                }
            }
        }
    }

    private static Bounds inScene(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    private static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb);
    }

    private static String id(Section section) {
        return section.name().toLowerCase(Locale.ROOT);
    }
}
