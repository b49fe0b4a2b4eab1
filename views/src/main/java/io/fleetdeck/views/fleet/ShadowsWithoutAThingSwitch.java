package io.fleetdeck.views.fleet;

import io.fleetdeck.views.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.SegmentedButton;

/**
 * The Fleet section's filter between its things and the shadows without a thing: two segments, one always on. It shows
 * only while such shadows exist (or while their list is on screen), so a fleet without any is not told about them.
 * Built and used on the JavaFX thread.
 */
final class ShadowsWithoutAThingSwitch {

    private final ShadowsWithoutAThingModel model;
    private final SegmentedButton segments;

    ShadowsWithoutAThingSwitch(ShadowsWithoutAThingModel model) {
        this.model = model;
        ToggleButton things = new ToggleButton(Texts.get("fleet.unregistered.things"));
        things.setId("fleet-show-things");
        ToggleButton unregistered = new ToggleButton();
        unregistered.setId("fleet-show-unregistered");
        unregistered.textProperty().bind(model.switchText());
        unregistered.setAccessibleHelp(Texts.get("fleet.unregistered.help"));
        things.setMinWidth(Region.USE_PREF_SIZE);
        unregistered.setMinWidth(Region.USE_PREF_SIZE);
        segments = new SegmentedButton(things, unregistered);
        segments.setId("fleet-unregistered-switch");
        segments.setMinWidth(Region.USE_PREF_SIZE);
        (model.shownProperty().get() ? unregistered : things).setSelected(true);
        segments.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                // a click on the segment that is on would leave neither on
                old.setSelected(true);
            } else {
                model.shownProperty().set(now == unregistered);
            }
        });
        model.shownProperty().subscribe(shown -> (shown ? unregistered : things).setSelected(true));
        segments.visibleProperty().bind(Bindings.isNotEmpty(model.rows()).or(model.shownProperty()));
        segments.managedProperty().bind(segments.visibleProperty());
    }

    /** Whether the shadows without a thing are on screen instead of the things. */
    ObservableBooleanValue shown() {
        return model.shownProperty();
    }

    /** The segments, for the toolbar. */
    Node control() {
        return segments;
    }

    /** {@code things} while the things are shown, {@code pane} while the shadows without a thing are. */
    Node swap(Node things, Node pane) {
        things.visibleProperty().bind(model.shownProperty().not());
        pane.visibleProperty().bind(model.shownProperty());
        return new StackPane(things, pane);
    }
}
