package io.fleetdeck.views.settings;

/**
 * Where the main window was and how large, in screen coordinates, so the next start opens it in the same place.
 *
 * @param maximized when true, x/y/width/height are the bounds to return to when the user un-maximizes
 */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {

    public WindowGeometry {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("window size must be positive, was " + width + "x" + height);
        }
    }
}
