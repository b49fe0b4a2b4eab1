package io.fleetdeck.views.common;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.util.Duration;

/** One timeline per view that runs {@code tick} every second while the view's node is in a window, and stops after. */
public final class SecondTicks {

    private SecondTicks() {}

    /** Runs {@code tick} (a {@link RelativeNow}'s, through its view model) every second while {@code node} is shown. */
    public static void whileShown(Node node, Runnable tick) {
        Timeline ticks = new Timeline(new KeyFrame(Duration.seconds(1), event -> tick.run()));
        ticks.setCycleCount(Animation.INDEFINITE);
        node.sceneProperty().subscribe(scene -> {
            if (scene == null) {
                ticks.stop();
            } else {
                ticks.play();
            }
        });
    }
}
