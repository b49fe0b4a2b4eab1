package io.fleetdeck.views.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.api.certificates.CertificatesSnapshot.CertificateRow;
import io.fleetdeck.api.things.ThingOverview;
import io.fleetdeck.views.settings.Theme;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole console worked from the keyboard alone (Xvfb in CI): Ctrl+1..8 to each section, Tab and Shift+Tab to its
 * controls, arrows, Enter, Space and Esc to work them, F1 for the list of shortcuts. After every key the keyboard's
 * focus is on a control the operator can see and reach again, and Tab always comes round to where it started.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardWalkTest {

    /** More Tabs than any section has controls: a walk that needs more is going round in circles. */
    private static final int MAX_TABS = 40;

    private WholeConsole console;
    private Stage stage;

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
    void everySectionIsWorkedByKeyboardAlone(FxRobot robot) {
        assertThat(focusedId())
                .as("the window opens with the keyboard in the sidebar")
                .isEqualTo("sidebar");

        walkTheFleet(robot);
        walkTheGroups(robot);
        walkTheSectionsStillToCome(robot);
        walkTheBroker(robot);
        walkTheCertificates(robot);
        theShortcutListOpensAndClosesByKeyboard(robot);
    }

    private void walkTheFleet(FxRobot robot) {
        goTo(robot, Section.FLEET);
        TableView<ThingOverview> table = robot.lookup("#fleet-table").queryTableView();
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 200);

        tabTo(robot, "fleet-query");
        robot.write("connectivity.connected:true");
        press(robot, KeyCode.ESCAPE);
        press(robot, KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !table.getItems().isEmpty()
                        && table.getItems().size() < 200
                        && table.getItems().stream().allMatch(ThingOverview::connected));
        assertThat(focusedId())
                .as("Enter runs the query and leaves the keyboard in the bar")
                .isEqualTo("fleet-query");

        tabTo(robot, "fleet-table");
        press(robot, KeyCode.DOWN);
        ThingOverview chosen = table.getSelectionModel().getSelectedItem();
        assertThat(chosen).as("Down selects a thing in the table").isNotNull();

        press(robot, KeyCode.ENTER);
        TabPane tabs = robot.lookup("#fleet-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("thing-tab-" + chosen.name());
        assertThat(robot.lookup("#thing-name").queryAs(Label.class).getText()).isEqualTo(chosen.name());
        assertThat(isInside(
                        focusOwner(), tabs.getSelectionModel().getSelectedItem().getContent()))
                .as(
                        "Enter on a thing puts the keyboard in its tab, not in the table hidden behind it: %s",
                        describe(focusOwner()))
                .isTrue();
        tabTo(robot, "shadow-tree");
        tabComesRound(robot);

        // the desired editor: Tab goes on to the next control, as from any other field
        TabPane thingTabs = robot.lookup("#thing-tabs").queryAs(TabPane.class);
        tabTo(robot, "thing-tabs");
        press(robot, KeyCode.RIGHT);
        assertThat(thingTabs.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        tabTo(robot, "thing-editor");
        String desired = robot.lookup("#thing-editor").queryAs(TextArea.class).getText();
        press(robot, KeyCode.TAB);
        assertThat(focusedId()).as("Tab leaves the JSON editor").isNotEqualTo("thing-editor");
        assertThat(robot.lookup("#thing-editor").queryAs(TextArea.class).getText())
                .as("and types nothing into it")
                .isEqualTo(desired);
        press(robot, KeyCode.SHIFT, KeyCode.TAB);
        assertThat(focusedId()).as("Shift+Tab goes back into it").isEqualTo("thing-editor");
        tabComesRound(robot);

        press(robot, KeyCode.CONTROL, KeyCode.W);
        assertThat(tabs.getTabs()).as("Ctrl+W closes the thing's tab").hasSize(1);
        assertThat(focusedId()).as("and puts the keyboard back in the table").isEqualTo("fleet-table");
        assertThat(table.getSelectionModel().getSelectedItem()).isEqualTo(chosen);
        tabComesRound(robot);
        shiftTabGoesBack(robot);
    }

    private void walkTheGroups(FxRobot robot) {
        // from inside the Fleet table straight to another section: the keyboard must not stay behind in the Fleet
        goTo(robot, Section.GROUPS);
        @SuppressWarnings("unchecked")
        TreeView<Object> tree = robot.lookup("#group-tree").queryAs(TreeView.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> tree.getExpandedItemCount() > 0);

        tabTo(robot, "group-tree");
        press(robot, KeyCode.DOWN);
        Object first = tree.getSelectionModel().getSelectedItem();
        assertThat(first).as("Down selects a group").isNotNull();
        press(robot, KeyCode.RIGHT);
        press(robot, KeyCode.DOWN);
        assertThat(tree.getSelectionModel().getSelectedItem())
                .as("Right opens the group, Down goes to the next one")
                .isNotNull()
                .isNotEqualTo(first);
        tabComesRound(robot);

        shiftTabTo(robot, "group-create");
        int groups = tree.getExpandedItemCount();
        robot.type(KeyCode.SPACE);
        Window dialog = awaitDialog();
        assertThat(dialog.getScene().getFocusOwner())
                .as("the New group dialog opens with the keyboard in its name field")
                .isInstanceOf(TextField.class);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.isShowing()).as("Esc closes the New group dialog").isFalse();
        assertThat(tree.getExpandedItemCount()).as("and creates nothing").isEqualTo(groups);
        assertThat(focusedId()).as("the keyboard is back on the button").isEqualTo("group-create");

        // the section's other tab: Thing types
        TabPane sectionTabs = robot.lookup(".groups-section-tabs").queryAs(TabPane.class);
        shiftTabTo(robot, node -> node == sectionTabs, "the Groups/Thing types tabs");
        press(robot, KeyCode.RIGHT);
        assertThat(sectionTabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("thing-types-tab");
        tabTo(robot, "thing-type-new");
        tabComesRound(robot);
        shiftTabTo(robot, node -> node == sectionTabs, "the Groups/Thing types tabs");
        press(robot, KeyCode.LEFT);
        assertThat(sectionTabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("groups-tab");
    }

    /** Jobs, Firmware, Alerts and Lab show what will be there; the keyboard stays in the sidebar and is not stuck. */
    private void walkTheSectionsStillToCome(FxRobot robot) {
        for (Section section : List.of(Section.JOBS, Section.FIRMWARE, Section.ALERTS, Section.LAB)) {
            goTo(robot, section);
            String id = "empty-" + section.name().toLowerCase(Locale.ROOT);
            assertThat(robot.lookup("#" + id).query().isVisible()).isTrue();
            assertThat(focusedId())
                    .as("in %s the keyboard stays in the sidebar", section)
                    .isEqualTo("sidebar");
            tabComesRound(robot);
            shiftTabGoesBack(robot);
        }
        // the sidebar itself: Up goes back a section
        press(robot, KeyCode.UP);
        assertThat(console.shell().sectionProperty().get()).isEqualTo(Section.ALERTS);
    }

    private void walkTheBroker(FxRobot robot) {
        goTo(robot, Section.BROKER);
        tabTo(robot, "broker-clients");
        @SuppressWarnings("unchecked")
        TreeView<Object> topics = robot.lookup("#broker-topics").queryAs(TreeView.class);
        tabTo(robot, "broker-topics");
        Object first = topics.getSelectionModel().getSelectedItem();
        assertThat(first)
                .as("the keyboard arriving in the topics selects the first level")
                .isNotNull();
        press(robot, KeyCode.RIGHT);
        press(robot, KeyCode.DOWN);
        assertThat(topics.getSelectionModel().getSelectedItem())
                .as("Right opens the level, Down goes into it")
                .isNotNull()
                .isNotEqualTo(first);
        tabComesRound(robot);
        shiftTabGoesBack(robot);
    }

    private void walkTheCertificates(FxRobot robot) {
        goTo(robot, Section.CERTIFICATES);
        TableView<CertificateRow> table = robot.lookup("#cert-table").queryTableView();
        await().atMost(Duration.ofSeconds(10)).until(() -> !table.getItems().isEmpty());

        tabTo(robot, "cert-table");
        press(robot, KeyCode.DOWN);
        press(robot, KeyCode.DOWN);
        CertificateRow chosen = table.getSelectionModel().getSelectedItem();
        assertThat(chosen).as("the arrows select a certificate").isNotNull();
        assertThat(robot.lookup("#cert-detail-id").queryAs(Label.class).getText())
                .isEqualTo(chosen.id());
        tabTo(robot, "cert-revoke");
        robot.type(KeyCode.SPACE);
        Window confirmation = awaitDialog();
        assertThat(confirmation.getScene().getFocusOwner())
                .as("the revoke confirmation opens with the keyboard on a button")
                .isNotNull();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confirmation.isShowing())
                .as("Esc closes the revoke confirmation")
                .isFalse();
        assertThat(table.getSelectionModel().getSelectedItem().status())
                .as("and revokes nothing")
                .isEqualTo(chosen.status());
        assertThat(focusedId()).as("the keyboard is back on Revoke").isEqualTo("cert-revoke");
        tabComesRound(robot);
        shiftTabGoesBack(robot);
    }

    private void theShortcutListOpensAndClosesByKeyboard(FxRobot robot) {
        Node before = focusOwner();
        press(robot, KeyCode.F1);
        assertThat(robot.lookup("#shortcuts-overlay").query().isVisible()).isTrue();
        assertThat(focusedId()).isEqualTo("shortcuts-card");
        press(robot, KeyCode.TAB);
        assertThat(focusedId())
                .as("Tab stays in the list of shortcuts while it covers the window")
                .isEqualTo("shortcuts-card");
        press(robot, KeyCode.ESCAPE);
        assertThat(robot.lookup("#shortcuts-overlay").query().isVisible()).isFalse();
        assertThat(focusOwner())
                .as("Esc closes the list and gives the keyboard back")
                .isSameAs(before);
    }

    private void goTo(FxRobot robot, Section section) {
        press(robot, KeyCode.CONTROL, KeyCode.valueOf("DIGIT" + section.shortcutDigit()));
        assertThat(console.shell().sectionProperty().get()).isEqualTo(section);
    }

    /** Presses {@code keys} together and checks the keyboard's focus is still on a control in sight. */
    private Node press(FxRobot robot, KeyCode... keys) {
        robot.push(keys);
        WaitForAsyncUtils.waitForFxEvents();
        Node owner = focusOwner();
        String after = String.join(
                "+", java.util.Arrays.stream(keys).map(KeyCode::getName).toList());
        assertThat(owner)
                .as("after %s the keyboard's focus is somewhere", after)
                .isNotNull();
        assertThat(owner.getScene())
                .as("after %s the focus (%s) is in the window", after, describe(owner))
                .isSameAs(stage.getScene());
        assertThat(shown(owner))
                .as("after %s the focus (%s) is on something shown", after, describe(owner))
                .isTrue();
        assertThat(owner.isFocusTraversable() && !owner.isDisabled())
                .as("after %s the focus (%s) is on a control Tab reaches", after, describe(owner))
                .isTrue();
        return owner;
    }

    private void tabTo(FxRobot robot, String id) {
        walk(robot, KeyCode.TAB, isId(id)::test, "#" + id);
    }

    private void shiftTabTo(FxRobot robot, String id) {
        walk(robot, KeyCode.SHIFT, isId(id)::test, "#" + id);
    }

    private void shiftTabTo(FxRobot robot, Predicate<Node> target, String what) {
        walk(robot, KeyCode.SHIFT, target, what);
    }

    /** Tab (or Shift+Tab, {@code direction} SHIFT) until the focus is on {@code target}, failing after MAX_TABS. */
    private void walk(FxRobot robot, KeyCode direction, Predicate<Node> target, String what) {
        List<String> visited = new ArrayList<>();
        for (int i = 0; i < MAX_TABS; i++) {
            Node owner =
                    direction == KeyCode.SHIFT ? press(robot, KeyCode.SHIFT, KeyCode.TAB) : press(robot, KeyCode.TAB);
            if (target.test(owner)) {
                return;
            }
            visited.add(describe(owner));
        }
        fail(
                "%s never reached %s; it went through %s",
                direction == KeyCode.SHIFT ? "Shift+Tab" : "Tab", what, visited);
    }

    /** Tab leaves the section for the sidebar and comes back round to where it started: nothing traps it. */
    private void tabComesRound(FxRobot robot) {
        Node start = focusOwner();
        List<String> visited = new ArrayList<>();
        boolean passedTheSidebar = false;
        for (int i = 0; i < MAX_TABS; i++) {
            Node owner = press(robot, KeyCode.TAB);
            passedTheSidebar |= isId("sidebar").test(owner);
            if (owner == start) {
                assertThat(passedTheSidebar)
                        .as("Tab from %s goes round the whole window: %s", describe(start), visited)
                        .isTrue();
                return;
            }
            visited.add(describe(owner));
        }
        fail("Tab from %s never came back to it: %s", describe(start), visited);
    }

    /** Tab then Shift+Tab lands where it started. */
    private void shiftTabGoesBack(FxRobot robot) {
        Node start = focusOwner();
        press(robot, KeyCode.TAB);
        Node back = press(robot, KeyCode.SHIFT, KeyCode.TAB);
        assertThat(back).as("Shift+Tab after Tab from %s", describe(start)).isSameAs(start);
    }

    private Window awaitDialog() {
        await().atMost(Duration.ofSeconds(5)).until(() -> otherWindow().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return otherWindow().orElseThrow();
    }

    private Optional<Window> otherWindow() {
        return Window.getWindows().stream()
                .filter(window -> window != stage && window.isShowing() && window instanceof Stage)
                .findFirst();
    }

    private Node focusOwner() {
        Scene scene = stage.getScene();
        return scene.getFocusOwner();
    }

    /** The focused control's id, or what it is when it has none. */
    private String focusedId() {
        Node owner = focusOwner();
        return owner != null && owner.getId() != null ? owner.getId() : describe(owner);
    }

    private static Predicate<Node> isId(String id) {
        return node -> node != null && id.equals(node.getId());
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node up = node; up != null; up = up.getParent()) {
            if (up == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static boolean shown(Node node) {
        for (Node up = node; up != null; up = up.getParent()) {
            if (!up.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Node node) {
        if (node == null) {
            return "nothing";
        }
        StringBuilder path = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            path.append('#').append(node.getId());
        }
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up.getId() != null) {
                path.append(" in #").append(up.getId());
                break;
            }
        }
        return path.toString();
    }
}
