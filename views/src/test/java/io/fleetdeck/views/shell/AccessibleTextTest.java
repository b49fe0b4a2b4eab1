package io.fleetdeck.views.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.views.settings.Theme;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Chart;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Cell;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;
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
 * What a screen reader has to say about each section of the console: every button drawn only as an icon, and every
 * control the keyboard reaches that shows no words of its own, carries words from the bundles (and an icon-only button
 * a tooltip for the mouse).
 */
@ExtendWith(ApplicationExtension.class)
class AccessibleTextTest {

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
    void everyIconOnlyButtonAndWordlessControlOfEverySectionHasAccessibleText(FxRobot robot) {
        Set<String> missing = new LinkedHashSet<>();
        for (Section section : Section.values()) {
            robot.interact(() -> console.shell().navigate(section));
            WaitForAsyncUtils.waitForFxEvents();
            switch (section) {
                case FLEET -> openAThing(robot);
                case GROUPS -> selectTheSecondRowOf(robot, "#group-tree");
                case BROKER -> selectTheSecondRowOf(robot, "#broker-topics");
                case CERTIFICATES -> selectTheSecondRowOf(robot, "#cert-table");
                default -> {}
            }
            visitEveryTab(robot, missing);
        }

        assertThat(missing).as("controls a screen reader cannot name").isEmpty();
    }

    /** Opens the Fleet table's first thing by keyboard, so its tab's controls are checked too. */
    private void openAThing(FxRobot robot) {
        TableView<?> table = robot.lookup("#fleet-table").queryTableView();
        await().atMost(Duration.ofSeconds(10)).until(() -> !table.getItems().isEmpty());
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
            table.getFocusModel().focus(0);
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Selects a row, so the section's details and their buttons are shown and checked too. */
    private void selectTheSecondRowOf(FxRobot robot, String list) {
        Control control = robot.lookup(list).queryAs(Control.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(control) > 1);
        robot.interact(() -> {
            switch (control) {
                case TableView<?> table -> table.getSelectionModel().select(1);
                case TreeView<?> tree -> {
                    tree.getSelectionModel().select(0);
                    tree.getSelectionModel().getSelectedItem().setExpanded(true);
                    tree.getSelectionModel().select(1);
                }
                default -> throw new IllegalArgumentException(list);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int rows(Control control) {
        return switch (control) {
            case TableView<?> table -> table.getItems().size();
            case TreeView<?> tree ->
                tree.getExpandedItemCount()
                        + (tree.getRoot() == null
                                ? 0
                                : tree.getRoot().getChildren().size());
            default -> 0;
        };
    }

    private void visitEveryTab(FxRobot robot, Set<String> missing) {
        collect(stage.getScene().getRoot(), missing);
        for (TabPane tabs : allOf(stage.getScene().getRoot(), TabPane.class)) {
            for (int i = 0; i < tabs.getTabs().size(); i++) {
                int index = i;
                robot.interact(() -> tabs.getSelectionModel().select(index));
                WaitForAsyncUtils.waitForFxEvents();
                collect(stage.getScene().getRoot(), missing);
            }
        }
    }

    private static void collect(Node node, Set<String> missing) {
        collect(node, labelledBy(node), missing);
    }

    private static void collect(Node node, Set<Node> labelled, Set<String> missing) {
        if (node instanceof ButtonBase || node instanceof ComboBoxBase<?>) {
            // what a button's skin draws inside it is the button's, which is checked itself
            String problem = problemOf(node, labelled);
            if (problem != null) {
                missing.add(describe(node) + ": " + problem);
            }
            return;
        }
        String problem = problemOf(node, labelled);
        if (problem != null) {
            missing.add(describe(node) + ": " + problem);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, labelled, missing);
            }
        }
    }

    /** The fields a label names for a screen reader ({@code Label.setLabelFor}). */
    private static Set<Node> labelledBy(Node root) {
        Set<Node> labelled = new HashSet<>();
        for (Label label : allOf(root, Label.class)) {
            if (label.getLabelFor() != null) {
                labelled.add(label.getLabelFor());
            }
        }
        return labelled;
    }

    private static String problemOf(Node node, Set<Node> labelled) {
        if (hasWords(node.getAccessibleText())) {
            return node instanceof ButtonBase button && iconOnly(button) && button.getTooltip() == null
                    ? "an icon-only button without a tooltip"
                    : null;
        }
        if (node instanceof Cell<?>) {
            return null;
        }
        // a label that is empty for now (no problem to report) says nothing and is not drawn
        if (node instanceof Labeled labeled && iconOnly(labeled) && (node instanceof ButtonBase || shown(node))) {
            return "drawn only as an icon, no accessible text";
        }
        // a chart is a picture: a screen reader needs to be told what it plots
        if (node instanceof Chart chart && !hasWords(chart.getTitle())) {
            return "a chart without a title or accessible text";
        }
        if (node.isFocusTraversable() && !labelled.contains(node) && !saysItself(node)) {
            return "reached by Tab but shows no words, no accessible text";
        }
        return null;
    }

    private static boolean shown(Node node) {
        for (Node up = node; up != null; up = up.getParent()) {
            if (!up.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean iconOnly(Labeled labeled) {
        return !hasWords(labeled.getText()) && labeled.getGraphic() != null;
    }

    /** Controls a screen reader names from what they show: their text, their prompt, their value. */
    private static boolean saysItself(Node node) {
        return switch (node) {
            case Labeled labeled -> hasWords(labeled.getText());
            case TextInputControl input -> hasWords(input.getPromptText()) || input.getAccessibleHelp() != null;
            case ComboBoxBase<?> box -> hasWords(box.getPromptText()) || box.getValue() != null;
            case TabPane tabs -> true;
            case ScrollPane scroll -> true;
            default -> false;
        };
    }

    private static boolean hasWords(String text) {
        return text != null && !text.isBlank();
    }

    private static String describe(Node node) {
        StringBuilder path = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            path.append('#').append(node.getId());
        }
        path.append(node.getStyleClass().isEmpty() ? "" : " " + node.getStyleClass());
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up.getId() != null) {
                path.append(" in #").append(up.getId());
                break;
            }
        }
        return path.toString();
    }

    private static <T> List<T> allOf(Node node, Class<T> type) {
        List<T> found = new ArrayList<>();
        if (type.isInstance(node)) {
            found.add(type.cast(node));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                found.addAll(allOf(child, type));
            }
        }
        return found;
    }
}
