package io.fleetdeck.views.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.fleetdeck.views.settings.Theme;
import javafx.application.Application;

/** Applies a {@link Theme} to the whole application through AtlantaFX's user-agent stylesheets. */
final class ThemeStylesheets {

    private static final String LIGHT = new PrimerLight().getUserAgentStylesheet();
    private static final String DARK = new PrimerDark().getUserAgentStylesheet();

    private ThemeStylesheets() {}

    static void apply(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK ? DARK : LIGHT);
    }
}
