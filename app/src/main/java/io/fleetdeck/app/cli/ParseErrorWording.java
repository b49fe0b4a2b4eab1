package io.fleetdeck.app.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * picocli's own words for bad input ({@code Unknown option: '--frob'}, {@code Missing required parameter: 'NAME'}) in
 * the user's language. picocli words them in English only; the {@code parse.*} messages are its shapes, each English
 * pattern read back as a regular expression that recognises picocli's message and takes its parts (the option, the
 * value) as the arguments of the same message in the user's locale. So the English stays picocli's to the letter, and
 * a shape no message knows is left as picocli wrote it.
 */
final class ParseErrorWording {

    private static final String PREFIX = "parse.";
    /** {@code parse.type.int = an int}: the type a value was not, which picocli names in English. */
    private static final String TYPE_PREFIX = "parse.type.";
    /** The shape whose last part is such a type. */
    private static final String NOT_OF_TYPE = "parse.notOfType";

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    private ParseErrorWording() {}

    /** {@code picocli}'s message in the default locale's words, or as it is when no shape matches. */
    static String inLocale(String picocli) {
        // without the fallback to the default locale, which would give a German user the German patterns here
        ResourceBundle english = ResourceBundle.getBundle(
                CliMessages.BUNDLE,
                Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        for (String key : shapes(english)) {
            Matcher parts = recogniser(english.getString(key)).matcher(picocli);
            if (parts.matches()) {
                Optional<Object[]> arguments = arguments(key, parts, english);
                if (arguments.isPresent()) {
                    return CliMessages.say(key, arguments.get());
                }
            }
        }
        return picocli;
    }

    /** The shapes' keys, the longest pattern first, so that a narrower shape is tried before a wider one. */
    private static List<String> shapes(ResourceBundle english) {
        List<String> keys = new ArrayList<>();
        for (String key : english.keySet()) {
            if (key.startsWith(PREFIX) && !key.startsWith(TYPE_PREFIX)) {
                keys.add(key);
            }
        }
        keys.sort(Comparator.comparingInt((String key) -> english.getString(key).length())
                .reversed()
                .thenComparing(Comparator.naturalOrder()));
        return keys;
    }

    /** The English pattern as a regular expression: its text literally, each {@code {n}} a group. */
    private static Pattern recogniser(String pattern) {
        StringBuilder regex = new StringBuilder();
        Matcher argument = ARGUMENT.matcher(pattern);
        int from = 0;
        while (argument.find()) {
            regex.append(Pattern.quote(pattern.substring(from, argument.start())))
                    .append("(.+?)");
            from = argument.end();
        }
        regex.append(Pattern.quote(pattern.substring(from)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /**
     * The parts as arguments; a type picocli names ({@code an int}) in the locale's words, and nothing when the type is
     * not one the bundles know.
     */
    private static Optional<Object[]> arguments(String key, Matcher parts, ResourceBundle english) {
        Object[] arguments = new Object[parts.groupCount()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = parts.group(i + 1);
        }
        if (!key.equals(NOT_OF_TYPE)) {
            return Optional.of(arguments);
        }
        int last = arguments.length - 1;
        for (String type : english.keySet()) {
            if (type.startsWith(TYPE_PREFIX) && english.getString(type).equals(arguments[last])) {
                arguments[last] = CliMessages.say(type);
                return Optional.of(arguments);
            }
        }
        return Optional.empty();
    }
}
