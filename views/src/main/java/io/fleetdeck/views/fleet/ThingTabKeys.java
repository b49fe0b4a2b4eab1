package io.fleetdeck.views.fleet;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.jspecify.annotations.Nullable;

/**
 * The keyboard in the Fleet section's tabs: Ctrl+W closes the open thing's tab (JavaFX offers its close button to the
 * mouse only) and hands the keyboard back to the table; an opened thing takes the keyboard. JavaFX thread only.
 */
final class ThingTabKeys {

    /** Ctrl+W closes the thing's tab, as it closes a tab in a browser. */
    static final KeyCombination CLOSE_TAB = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

    private ThingTabKeys() {}

    static void install(TabPane tabs, Runnable focusTable) {
        tabs.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            Tab selected = tabs.getSelectionModel().getSelectedItem();
            if (CLOSE_TAB.match(event) && selected != null && selected.isClosable()) {
                event.consume();
                close(tabs, selected);
                focusTable.run();
            }
        });
    }

    /** Closes {@code tab} as its close button does: a close request its owner may refuse, then the closed event. */
    private static void close(TabPane tabs, Tab tab) {
        Event request = new Event(tab, tab, Tab.TAB_CLOSE_REQUEST_EVENT);
        Event.fireEvent(tab, request);
        if (request.isConsumed()) {
            return;
        }
        tabs.getTabs().remove(tab);
        Event.fireEvent(tab, new Event(Tab.CLOSED_EVENT));
    }

    /** Puts the keyboard on the first control Tab would reach in {@code content}, if it has one. */
    static void focusFirstControlIn(@Nullable Node content) {
        Node first = firstControl(content);
        if (first != null) {
            first.requestFocus();
        }
    }

    private static @Nullable Node firstControl(@Nullable Node node) {
        if (node == null || !node.isVisible() || node.isDisabled()) {
            return null;
        }
        if (node.isFocusTraversable()) {
            return node;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = firstControl(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
