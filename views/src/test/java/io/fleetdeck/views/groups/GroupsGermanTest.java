package io.fleetdeck.views.groups;

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
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Groups section built in German: its buttons, column headings and counts are the German bundle's, and
 * {@code target/screenshots/groups-de.png} shows whether the longer words fit.
 */
@ExtendWith(ApplicationExtension.class)
class GroupsGermanTest {

    private final Locale before = Locale.getDefault();
    private final FakeGroups directory = FakeGroups.demoSites();
    private ShellViewModel shell;
    private GroupsViewModel model;
    private GroupsFeed feed;
    private Stage stage;

    @Start
    void start(Stage stage) {
        Locale.setDefault(Locale.GERMAN);
        this.stage = stage;
        shell = new ShellViewModel(
                new ConsoleInfo("/srv/fleetdeck/north-harbour", "0.1.0-test", 8883),
                new ConsoleSettings(Theme.DARK, null),
                settings -> {});
        model = new GroupsViewModel(directory, new FakeGroupPolicies(directory), ViewTasks.javaFx());
        GroupsView view = new GroupsView(model);
        ConsoleWindow window = new ConsoleWindow(stage, shell, Map.of(Section.GROUPS, view::node));
        window.show();
        shell.serviceStateChanged(ServiceState.RUNNING);
        shell.navigate(Section.GROUPS);
        feed = new GroupsFeed(directory, directory.events, Platform::runLater, model::apply);
    }

    @AfterEach
    void restore() {
        feed.close();
        Locale.setDefault(before);
    }

    @Test
    void theGroupsSectionSpeaksGerman(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(5)).until(() -> model.loadedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        TreeView<String> tree = robot.lookup("#group-tree").queryAs(TreeView.class);
        robot.interact(() -> {
            TreeItem<String> floor = tree.getRoot().getChildren().stream()
                    .filter(site -> site.getValue().equals("north-harbour"))
                    .flatMap(site -> site.getChildren().stream())
                    .filter(building -> building.getValue().equals("north-harbour-b3"))
                    .findFirst()
                    .orElseThrow();
            floor.setExpanded(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#group-cell-north-harbour-b3-floor-2").queryAs(javafx.scene.Node.class));
        ListView<?> members = robot.lookup("#group-members").queryListView();
        await().atMost(Duration.ofSeconds(5)).until(() -> members.getItems().size() == 7);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#group-create").queryButton().getText()).isEqualTo("Neue Gruppe\u2026");
        assertThat(robot.lookup("#group-attribute-add").queryAs(Button.class).getText())
                .isEqualTo("Hinzuf\u00fcgen\u2026");
        assertThat(robot.lookup("#group-attribute-remove").queryAs(Button.class).getText())
                .isEqualTo("Entfernen\u2026");
        assertThat(robot.lookup("#group-attribute-north-harbour-region .group-attribute-from")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("\u2191 north-harbour");
        assertThat(robot.lookup("#group-member-counts").queryAs(Label.class).getText())
                .startsWith("7 Objekte direkt \u00b7 ");
        assertThat(robot.lookup("#group-cell-top .group-name")
                        .queryAs(Label.class)
                        .getText())
                .startsWith("Alle Gruppen (");
        Screenshot.ofWindowIn(
                robot, shell, stage.getScene(), Path.of("target", "screenshots", "groups-de.png"), Theme.DARK);
    }
}
