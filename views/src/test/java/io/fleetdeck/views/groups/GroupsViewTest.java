package io.fleetdeck.views.groups;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.views.common.Notice;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.controlsfx.control.BreadCrumbBar;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.PropertySheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Groups section in the console window (Xvfb in CI) over sites, buildings and floors: a thing and a group moved
 * by drag and drop, and create, rename and delete through their confirmations, one refused in the registry's words.
 * Writes the screenshots a person checks.
 */
@ExtendWith(ApplicationExtension.class)
class GroupsViewTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String FLOOR = "north-harbour-b2-floor-3";

    private final FakeGroups directory = FakeGroups.demoSites();
    private ShellViewModel shell;
    private GroupsViewModel model;
    private GroupsFeed feed;
    private Stage stage;
    private GroupsView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        shell = new ShellViewModel(
                new ConsoleInfo("/srv/fleetdeck/north-harbour", "0.1.0-test", 8883),
                new ConsoleSettings(Theme.DARK, null),
                settings -> {});
        model = new GroupsViewModel(directory, new FakeGroupPolicies(directory), ViewTasks.javaFx());
        view = new GroupsView(model);
        ConsoleWindow window = new ConsoleWindow(stage, shell, Map.of(Section.GROUPS, view::node));
        window.show();
        shell.serviceStateChanged(ServiceState.RUNNING);
        shell.navigate(Section.GROUPS);
        feed = new GroupsFeed(directory, directory.events, Platform::runLater, model::apply);
    }

    @AfterEach
    void stopFeed() {
        feed.close();
    }

    @Test
    void aThingAndAGroupAreMovedByDragAndDrop(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(5)).until(() -> model.loadedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn(cell(robot, "north-harbour-b3-floor-2"));
        awaitMembers(robot, 7);
        assertThat(robot.lookup("#group-title").queryAs(Label.class).getText()).isEqualTo("north-harbour-b3-floor-2");
        assertThat(crumbs(robot)).isEqualTo("north-harbour \u203a north-harbour-b3 \u203a north-harbour-b3-floor-2");
        PropertySheet attributes = robot.lookup("#group-attribute-sheet").queryAs(PropertySheet.class);
        assertThat(attributes.getItems()).hasSize(5);
        screenshot(robot, "groups-dark.png", Theme.DARK);
        screenshot(robot, "groups-light.png", Theme.LIGHT);
        Node timezone = robot.lookup("#group-attribute-north-harbour-timezone").query();
        assertThat(robot.from(timezone)
                        .lookup(".group-attribute-from")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("\u2191 north-harbour");
        assertThat(robot.from(timezone).lookup(".group-overridden").tryQuery())
                .as("an ancestor's attribute that a nearer group sets again is struck through")
                .isPresent();
        assertThat(fromCell(robot, "#group-policies", 1).getStyleClass()).contains("group-inherited");
        robot.interact(() -> shell.toggleTheme());

        // a member dragged onto another group moves there
        robot.clickOn(cell(robot, FLOOR));
        awaitMembers(robot, 10);
        String thing = "north-harbour-b2-f3-cold-store-ambient-temperature-and-humidity-sensor-0007";
        Node member = robot.lookup("#group-member-" + thing).query();
        robot.drag(member).dropTo(cell(robot, "quarantine"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> directory.actions.contains("move thing " + thing + " from " + FLOOR + " to quarantine"));
        awaitMembers(robot, 9);
        assertThat(directory.groupOf(thing)).isEqualTo("quarantine");
        assertThat(robot.lookup("#groups-notice-text").queryAs(Label.class).getText())
                .isEqualTo("Moved " + thing + " from " + FLOOR + " to quarantine.");
        // the notice slides in (its text fades in with it) above the tree, which moves down to make room
        Label moved = robot.lookup("#groups-notice-text").queryAs(Label.class);
        Node groups = robot.lookup("#group-tree").query();
        await().atMost(Duration.ofSeconds(2)).until(() -> moved.getOpacity() == 1.0);
        assertThat(groups.localToScene(groups.getBoundsInLocal()).getMinY())
                .isGreaterThanOrEqualTo(
                        moved.localToScene(moved.getBoundsInLocal()).getMaxY());
        WaitForAsyncUtils.waitForFxEvents();

        // a group dragged onto another group moves under it, and onto "All groups" back to the top
        robot.drag(cell(robot, "quarantine")).dropTo(cell(robot, "west-yard"));
        await().atMost(Duration.ofSeconds(5)).until(() -> "west-yard".equals(directory.parentOf("quarantine")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(directory.actions).contains("move group quarantine under west-yard");
        robot.interact(() -> {
            // the other sites folded, so "All groups" and quarantine are in view together
            TreeView<String> tree = robot.lookup("#group-tree").queryAs(TreeView.class);
            tree.getRoot()
                    .getChildren()
                    .forEach(site -> site.setExpanded(site.getValue().equals("west-yard")));
            tree.scrollTo(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node quarantine = robot.lookup("#group-cell-quarantine").query();
        robot.drag(quarantine).dropTo("#group-cell-top");
        await().atMost(Duration.ofSeconds(5)).until(() -> directory.parentOf("quarantine") == null);
        assertThat(directory.actions).contains("move group quarantine under null");
    }

    @Test
    void aGroupsAttributeIsEditedInItsPropertySheetAndAddedAndRemovedBesideIt(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(5)).until(() -> model.loadedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(cell(robot, FLOOR));
        awaitMembers(robot, 10);

        TextField floor = robot.lookup("#group-attribute-floor").queryAs(TextField.class);
        assertThat(floor.getText()).isEqualTo("3");
        robot.doubleClickOn(floor).write("3a").type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> directory.actions.contains("set attributes of " + FLOOR + " to {floor=3a}"));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() ->
                        assertThat(noticeText(robot)).isEqualTo("Attribute floor of group " + FLOOR + " is now 3a."));
        assertThat(directory.thingGroupHierarchy().stream()
                        .filter(group -> group.name().equals(FLOOR))
                        .findFirst()
                        .orElseThrow()
                        .attributes())
                .containsExactly(Map.entry("floor", "3a"));

        robot.clickOn("#group-attribute-add");
        robot.clickOn("#group-attribute-name").write("wing");
        robot.clickOn("#group-attribute-value").write("east");
        screenshot(robot, "groups-attribute-add.png", Theme.DARK);
        robot.clickOn("#group-dialog-confirm");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> directory.actions.contains("set attributes of " + FLOOR + " to {floor=3a, wing=east}"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> robot.lookup("#group-attribute-wing").tryQuery().isPresent());
        assertThat(robot.lookup("#group-attribute-wing")
                        .queryAs(TextField.class)
                        .getText())
                .isEqualTo("east");
        screenshot(robot, "groups-attributes-dark.png", Theme.DARK);
        screenshot(robot, "groups-attributes-light.png", Theme.LIGHT);

        // a name the group has already is refused with what to do instead, before the registry is asked
        robot.clickOn("#group-attribute-add");
        robot.clickOn("#group-attribute-name").write("wing");
        robot.clickOn("#group-attribute-value").write("west");
        robot.clickOn("#group-dialog-confirm");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(noticeText(robot)).isEqualTo("Group already has attribute wing; change its value in the list.");

        robot.clickOn("#group-attribute-remove");
        ComboBox<?> choice = robot.lookup(".choice-dialog .combo-box").queryAs(ComboBox.class);
        robot.interact(() -> choice.getSelectionModel()
                .select(List.of(choice.getItems().toArray()).indexOf("wing")));
        robot.clickOn("#group-dialog-confirm");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> directory.actions.getLast().equals("set attributes of " + FLOOR + " to {floor=3a}"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> robot.lookup("#group-attribute-wing").tryQuery().isEmpty());
        assertThat(noticeText(robot)).isEqualTo("Removed attribute wing from group " + FLOOR + ".");
        NotificationPane notice = robot.lookup("#groups-notice").queryAs(NotificationPane.class);
        assertThat(notice.isShowing()).isTrue();
        assertThat(notice.getStyleClass()).contains("success");

        robot.clickOn("#groups-notice-dismiss");
        await().atMost(Duration.ofSeconds(5)).until(() -> !notice.isShowing());
        assertThat(model.noticeProperty().get()).isNull();
    }

    @Test
    void aNestedGroupsPathReadsFromTheTopAndACrumbSelectsItsGroup(FxRobot robot) {
        await().atMost(Duration.ofSeconds(5)).until(() -> model.loadedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(cell(robot, FLOOR));
        awaitMembers(robot, 10);
        assertThat(crumbs(robot)).isEqualTo("north-harbour \u203a north-harbour-b2 \u203a " + FLOOR);

        robot.clickOn("#group-crumb-north-harbour-b2");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.selectedProperty().get()).isEqualTo("north-harbour-b2");
        assertThat(robot.lookup("#group-title").queryAs(Label.class).getText()).isEqualTo("north-harbour-b2");
        TreeView<String> tree = robot.lookup("#group-tree").queryAs(TreeView.class);
        assertThat(tree.getSelectionModel().getSelectedItem().getValue()).isEqualTo("north-harbour-b2");
        assertThat(crumbs(robot)).isEqualTo("north-harbour \u203a north-harbour-b2");

        robot.clickOn("#group-crumb-north-harbour");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tree.getSelectionModel().getSelectedItem().getValue()).isEqualTo("north-harbour");
        assertThat(crumbs(robot)).isEqualTo("north-harbour");
    }

    /** The crumbs of the selected group's path as a person reads them, left to right. */
    private static String crumbs(FxRobot robot) {
        BreadCrumbBar<?> bar = robot.lookup("#group-path-crumbs").queryAs(BreadCrumbBar.class);
        return bar.getChildrenUnmodifiable().stream()
                .filter(node -> node instanceof Button && node.isVisible())
                .sorted(java.util.Comparator.comparingDouble(Node::getLayoutX))
                .map(node -> ((Button) node).getText())
                .collect(joining(" \u203a "));
    }

    private static String noticeText(FxRobot robot) {
        return robot.lookup("#groups-notice-text").queryAs(Label.class).getText();
    }

    @Test
    void aPolicyIsAttachedToAGroupAndDetachedInTheWindow(FxRobot robot) {
        await().atMost(Duration.ofSeconds(5)).until(() -> model.loadedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(cell(robot, "east-quay-b1"));
        awaitMembers(robot, 0);

        robot.clickOn("#group-attach-policy");
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup(".choice-dialog .combo-box").tryQuery().isPresent();
        });
        ComboBox<?> choice = robot.lookup(".choice-dialog .combo-box").queryAs(ComboBox.class);
        robot.interact(() -> choice.getSelectionModel()
                .select(List.of(choice.getItems().toArray()).indexOf("firmware-updates")));
        robot.clickOn("#group-dialog-confirm");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> directory.actions.contains("attach firmware-updates to east-quay-b1"));
        TableView<?> policies = robot.lookup("#group-policies").queryTableView();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(policies.getItems())
                        .extracting(item -> ((GroupHierarchy.Entry) item).name())
                        .contains("firmware-updates"));

        Node attached = robot.lookup("#group-policies .table-cell")
                .match((Node node) ->
                        node instanceof TableCell<?, ?> tableCell && "firmware-updates".equals(tableCell.getText()))
                .query();
        robot.clickOn(attached);
        robot.clickOn("#group-detach-policy");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> directory.actions.contains("detach firmware-updates from east-quay-b1"));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(policies.getItems())
                        .extracting(item -> ((GroupHierarchy.Entry) item).name())
                        .doesNotContain("firmware-updates"));
    }

    @Test
    void theSectionsTextReadsWholeWithoutSpecReferencesAndEmptyPlacesAlike(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(5)).until(() -> model.loadedProperty().get());
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(680);
        });
        robot.interact(() -> model.create("spare-room", null));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> "spare-room".equals(model.selectedProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        screenshot(robot, "groups-empty-1024.png", Theme.LIGHT);

        List<String> texts = robot.lookup(node -> node instanceof Labeled).queryAllAs(Labeled.class).stream()
                .map(Labeled::getText)
                .filter(text -> text != null)
                .toList();
        assertThat(texts).isNotEmpty().noneMatch(text -> text.contains("\u00a7"));

        Label hint = robot.lookup("#groups-hint").queryAs(Label.class);
        Bounds shown = hint.localToScene(hint.getBoundsInLocal());
        assertThat(shown.getMaxX()).isLessThanOrEqualTo(stage.getScene().getWidth());
        assertThat(hint.lookupAll(".text").stream()
                        .map(node -> ((Text) node).getText())
                        .collect(joining()))
                .as("the drag hint is shown whole, wrapped, not cut off")
                .isEqualTo("Drag a thing onto a group to move it there; drag a group to move it with its subgroups.")
                .doesNotContain("\u2026");

        List<Double> sizes = new ArrayList<>();
        for (String place : List.of("#group-attributes", "#group-policies", "#group-members")) {
            Label empty = robot.lookup(place + " .empty-state-text").queryAs(Label.class);
            assertThat(empty.isVisible()).as(place).isTrue();
            sizes.add(empty.getFont().getSize());
        }
        assertThat(robot.lookup(".empty-state-text").queryAllAs(Label.class))
                .extracting(label -> label.getFont().getSize())
                .as("every empty place in the section reads in one size")
                .containsOnly(sizes.getFirst());
    }

    @Test
    void createRenameAndDeleteAskFirstNamingTheGroup(FxRobot robot) {
        await().atMost(Duration.ofSeconds(5)).until(() -> model.loadedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn(cell(robot, "east-quay-b1"));
        robot.clickOn("#group-create");
        assertThat(robot.lookup("#group-dialog-text").queryAs(Label.class).getText())
                .isEqualTo("Create a thing group under east-quay-b1, or at the top.");
        robot.clickOn("#group-dialog-name").write("east-quay-b1-roof");
        robot.clickOn("#group-dialog-confirm");
        await().atMost(Duration.ofSeconds(5)).until(() -> directory.exists("east-quay-b1-roof"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> "east-quay-b1-roof".equals(model.selectedProperty().get()));
        assertThat(directory.parentOf("east-quay-b1-roof")).isEqualTo("east-quay-b1");

        robot.clickOn("#group-rename");
        assertThat(robot.lookup("#group-dialog-text").queryAs(Label.class).getText())
                .isEqualTo("Rename group east-quay-b1-roof to:");
        robot.interact(() ->
                robot.lookup("#group-dialog-name").queryAs(TextField.class).setText("east-quay-b1-roof-deck"));
        robot.clickOn("#group-dialog-confirm");
        await().atMost(Duration.ofSeconds(5)).until(() -> directory.exists("east-quay-b1-roof-deck"));
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        "east-quay-b1-roof-deck".equals(model.selectedProperty().get()));

        robot.clickOn("#group-delete");
        assertThat(robot.lookup(".dialog-pane .header-panel .label")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("Delete group east-quay-b1-roof-deck?");
        assertThat(robot.lookup("#group-dialog-text").queryAs(Label.class).getText())
                .startsWith("It is empty.");
        robot.clickOn("#group-dialog-confirm");
        await().atMost(Duration.ofSeconds(5)).until(() -> !directory.exists("east-quay-b1-roof-deck"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> "east-quay-b1".equals(model.selectedProperty().get()));

        // cancelling asks nothing of the registry; a group that is not empty is refused in the registry's words
        robot.clickOn(cell(robot, "north-harbour-b2"));
        robot.clickOn("#group-delete");
        assertThat(robot.lookup("#group-dialog-text").queryAs(Label.class).getText())
                .startsWith("It has 4 subgroups and 0 things directly in it (");
        robot.clickOn(robot.lookup(".dialog-pane .button")
                .match(node -> node instanceof Button button && button.isCancelButton())
                .queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(directory.actions).doesNotContain("delete north-harbour-b2");
        robot.clickOn("#group-delete");
        robot.clickOn("#group-dialog-confirm");
        await().atMost(Duration.ofSeconds(5)).until(() -> directory.actions.contains("delete north-harbour-b2"));
        await().atMost(Duration.ofSeconds(5)).until(() -> model.noticeProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#groups-notice-text").queryAs(Label.class).getText())
                .isEqualTo("Could not delete group north-harbour-b2: thing group north-harbour-b2 is not empty: it has"
                        + " 4 child groups and 0 things");
        assertThat(robot.lookup("#groups-notice").query().getStyleClass()).contains("error");
    }

    @Test
    void aDynamicGroupIsMadeFromTheFleetQueryAndShowsItsQueryAndMembers(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(5)).until(() -> model.loadedProperty().get());
        robot.interact(() -> view.startDynamicGroupsFrom(() -> "thingName:*cold-store*"));

        robot.clickOn("#group-create-dynamic");
        assertThat(robot.lookup("#group-dialog-query").queryAs(TextField.class).getText())
                .as("the dialog starts from the Fleet view's query")
                .isEqualTo("thingName:*cold-store*");
        robot.clickOn("#group-dialog-name").write("cold-store-sensors");
        robot.clickOn("#group-dialog-confirm");

        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        "cold-store-sensors".equals(model.selectedProperty().get()));
        awaitMembers(robot, 1);
        assertThat(robot.lookup("#group-query").queryAs(Label.class).getText()).isEqualTo("thingName:*cold-store*");
        assertThat(robot.lookup("#group-path").queryAs(Label.class).getText()).startsWith("Dynamic group");
        assertThat(robot.lookup("#group-rename").queryButton().isDisabled())
                .as("a dynamic group cannot be renamed")
                .isTrue();
        screenshot(robot, "groups-dynamic-dark.png", Theme.DARK);

        robot.clickOn("#group-create-dynamic");
        robot.clickOn("#group-dialog-name").write("broken");
        robot.interact(() ->
                robot.lookup("#group-dialog-query").queryAs(TextField.class).setText("thingName:"));
        robot.clickOn("#group-dialog-confirm");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> model.noticeProperty().get() != null
                        && model.noticeProperty().get().kind() == Notice.Kind.ERROR);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#groups-notice-text").queryAs(Label.class).getText())
                .isEqualTo("Could not create dynamic group broken: query error: expected a value after ':' at column"
                        + " 11, found the end of the query");
    }

    /** The tree row of {@code group}, opened up to and scrolled to as a user would. */
    @SuppressWarnings("unchecked")
    private static Node cell(FxRobot robot, String group) {
        TreeView<String> tree = robot.lookup("#group-tree").queryAs(TreeView.class);
        robot.interact(() -> {
            TreeItem<String> item = find(tree.getRoot(), group);
            for (TreeItem<String> parent = item.getParent(); parent != null; parent = parent.getParent()) {
                parent.setExpanded(true);
            }
            tree.scrollTo(Math.max(0, tree.getRow(item) - 2));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#group-cell-" + group).query();
    }

    private static TreeItem<String> find(TreeItem<String> item, String name) {
        if (name.equals(item.getValue())) {
            return item;
        }
        for (TreeItem<String> child : item.getChildren()) {
            TreeItem<String> found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static void awaitMembers(FxRobot robot, int count) {
        ListView<?> members = robot.lookup("#group-members").queryListView();
        await().atMost(Duration.ofSeconds(5)).until(() -> members.getItems().size() == count);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The "From" cell of a row of the attributes or policies table. */
    private static TableCell<?, ?> fromCell(FxRobot robot, String table, int index) {
        return robot.lookup(table + " .table-cell")
                .match(node -> node instanceof TableCell<?, ?> cell
                        && cell.getIndex() == index
                        && cell.getTableColumn() != null
                        && "From".equals(cell.getTableColumn().getText()))
                .query();
    }

    private void screenshot(FxRobot robot, String name, Theme theme) throws Exception {
        Screenshot.ofWindowIn(robot, shell, stage.getScene(), SCREENSHOTS.resolve(name), theme);
    }
}
