package io.fleetdeck.fleet.archfixture;

import javafx.scene.control.Label;

/** A deliberate offender: fleet-core code that reaches for JavaFX, to prove the architecture test catches it. */
public final class ShadowScreen {

    public Label render(String shadow) {
        return new Label(shadow);
    }
}
