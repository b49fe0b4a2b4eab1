package io.fleetdeck.views.settings;

/** The console's colour theme; the view maps it to an AtlantaFX Primer stylesheet. */
public enum Theme {
    LIGHT,
    DARK;

    /** The theme the toggle switches to. */
    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
