package io.fleetdeck.views.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The window's keyboard shortcuts, in one table that both runs them and lists them in the shortcuts overlay, so a
 * shortcut cannot exist without being shown. They are taken in a filter on the scene, before any node sees the key:
 * a shortcut works whatever has the focus (a text field, a tab header, nothing). Keys that act only in one place
 * (the query bar's Down, Enter on a row) are listed too, as {@link #inPlace}, but run by their own node. Built and
 * used on the JavaFX thread.
 */
final class Shortcuts {

    /** One line of the overlay: the keys as a user reads them, what they do, and the combinations that run it. */
    record Shortcut(String keys, String does, List<KeyCombination> combinations, Runnable action) {}

    private final List<Shortcut> global = new ArrayList<>();
    private final List<Shortcut> inPlace = new ArrayList<>();

    void add(String keys, String does, Runnable action, KeyCombination... combinations) {
        global.add(new Shortcut(keys, does, List.of(combinations), Objects.requireNonNull(action, "action")));
    }

    /** A key its own node handles, listed so the overlay tells all there is. */
    void describe(String keys, String does) {
        inPlace.add(new Shortcut(keys, does, List.of(), () -> {}));
    }

    List<Shortcut> global() {
        return List.copyOf(global);
    }

    List<Shortcut> inPlace() {
        return List.copyOf(inPlace);
    }

    void installOn(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            for (Shortcut shortcut : global) {
                for (KeyCombination combination : shortcut.combinations()) {
                    if (combination.match(event)) {
                        event.consume();
                        shortcut.action().run();
                        return;
                    }
                }
            }
        });
    }

    static KeyCombination ctrl(KeyCode code, KeyCombination.Modifier... more) {
        KeyCombination.Modifier[] modifiers = new KeyCombination.Modifier[more.length + 1];
        modifiers[0] = KeyCombination.SHORTCUT_DOWN;
        System.arraycopy(more, 0, modifiers, 1, more.length);
        return new KeyCodeCombination(code, modifiers);
    }

    static KeyCombination key(KeyCode code) {
        return new KeyCodeCombination(code);
    }
}
