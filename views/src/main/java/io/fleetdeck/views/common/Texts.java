package io.fleetdeck.views.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The console's words, from resource bundles in {@code io/fleetdeck/views/i18n/} (English, German), with numbers,
 * dates and plurals formatted by {@link MessageFormat} for the locale. A key's first part names its bundle ({@code
 * fleet.query.prompt} is in {@code fleet.properties}, {@code fleet_de.properties}), so each section keeps its words
 * in files of its own. A label in code is a key here, never the text itself, so a translation is a file and not a
 * change of code.
 */
public final class Texts {

    static final String BUNDLES = "io.fleetdeck.views.i18n.";

    private Texts() {}

    /** The text for {@code key} in the default locale, with {@code arguments} put in its {@code {0}}, {@code {1}}. */
    public static String get(String key, Object... arguments) {
        return in(Locale.getDefault(), key, arguments);
    }

    /** As {@link #get}, for {@code locale}. */
    public static String in(Locale locale, String key, Object... arguments) {
        int dot = key.indexOf('.');
        String pattern;
        try {
            pattern = bundle(dot < 0 ? key : key.substring(0, dot), locale).getString(key);
        } catch (MissingResourceException missing) {
            // a missing key shows itself in the window, where a screenshot catches it, instead of failing a click
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, locale).format(arguments);
    }

    /**
     * English for a locale without its own bundle, never the machine's default locale: asked for English on a German
     * desktop, the standard fallback would answer in German.
     */
    static ResourceBundle bundle(String name, Locale locale) {
        return ResourceBundle.getBundle(
                BUNDLES + name,
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
