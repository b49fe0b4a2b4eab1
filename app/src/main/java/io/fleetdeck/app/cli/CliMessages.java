package io.fleetdeck.app.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The CLI's own words to its user (outcome lines, notes, error wording, headings), from the {@code messages} bundle of
 * the JVM's locale (LANG, LC_ALL): patterns in MessageFormat, so numbers, dates and plurals read as the locale writes
 * them. What a script parses (JSON, the ready line, AWS's error codes) never comes from here.
 */
final class CliMessages {

    static final String BUNDLE = "io.fleetdeck.app.cli.messages";

    private CliMessages() {}

    /** The message under {@code key} with its arguments filled in, in the default locale. */
    static String say(String key, Object... arguments) {
        Locale locale = Locale.getDefault();
        String pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        return new MessageFormat(pattern, locale).format(arguments);
    }

    /** The header of a text table, its columns written {@code NAME|TYPE|...} under {@code key}. */
    static String[] columns(String key) {
        return say(key).split("\\|");
    }
}
