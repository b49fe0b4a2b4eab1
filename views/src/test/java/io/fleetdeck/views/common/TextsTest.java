package io.fleetdeck.views.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The console's bundles: German is complete, every pattern is valid, and every key the code asks for exists. */
class TextsTest {

    /** The key literal of {@code Texts.get("key", …)} or {@code Texts.in(locale, "key", …)}, not a later literal. */
    private static final Pattern KEY_IN_CODE = Pattern.compile("Texts\\.(?:get|in)\\((?:[^,()\"]+, )?\"([^\"]+)\"");

    private static final Path BUNDLES = Path.of("src", "main", "resources", "io", "fleetdeck", "views", "i18n");

    /** Each bundle's name: the English file's, which has no language in it. */
    private static List<String> bundleNames() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".properties") && !name.contains("_"))
                    .map(name -> name.substring(0, name.length() - ".properties".length()))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyBundleHasAGermanTwinWithTheSameKeysAndOnlyKeysOfItsName() throws IOException {
        assertThat(bundleNames()).isNotEmpty();
        for (String name : bundleNames()) {
            // the files themselves: a bundle's key set would include what German inherits from English
            Set<String> english = keysIn(name + ".properties");
            Set<String> german = keysIn(name + "_de.properties");
            assertThat(german).as("German keys of " + name).isEqualTo(english);
            assertThat(english).as("keys of " + name).allMatch(key -> key.startsWith(name + "."));
        }
    }

    private static Set<String> keysIn(String file) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(BUNDLES.resolve(file))) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    @Test
    void everyPatternIsValidAndBothLanguagesTakeTheSameArguments() throws IOException {
        for (String name : bundleNames()) {
            ResourceBundle english = Texts.bundle(name, Locale.ENGLISH);
            ResourceBundle german = Texts.bundle(name, Locale.GERMAN);
            for (String key : english.keySet()) {
                int englishArguments = new MessageFormat(english.getString(key)).getFormatsByArgumentIndex().length;
                int germanArguments = new MessageFormat(german.getString(key)).getFormatsByArgumentIndex().length;
                assertThat(germanArguments).as(key).isEqualTo(englishArguments);
            }
        }
    }

    @Test
    void everyKeyTheCodeAsksForIsInTheBundles() throws IOException {
        Set<String> asked = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source :
                    sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher key = KEY_IN_CODE.matcher(Files.readString(source));
                while (key.find()) {
                    asked.add(key.group(1));
                }
            }
        }
        assertThat(asked).isNotEmpty();
        List<String> missing = asked.stream()
                .filter(key -> Texts.in(Locale.ENGLISH, key).equals("!" + key + "!"))
                .toList();
        assertThat(missing).as("keys the code asks for that no bundle has").isEmpty();
    }

    @Test
    void englishIsTheAnswerForALocaleWithoutABundleEvenOnAGermanDesktop() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Texts.in(Locale.FRENCH, "crash.quit")).isEqualTo("Quit Fleetdeck");
            assertThat(Texts.get("crash.quit")).isEqualTo("Fleetdeck beenden");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void pluralsAndNumbersFollowTheLocale() {
        assertThat(Texts.in(Locale.ENGLISH, "crash.repeated", 1)).isEqualTo("It happened once.");
        assertThat(Texts.in(Locale.ENGLISH, "crash.repeated", 1200)).isEqualTo("It happened 1,200 times.");
        assertThat(Texts.in(Locale.GERMAN, "crash.repeated", 1200)).isEqualTo("Es ist 1.200-mal aufgetreten.");
    }

    @Test
    void aMissingKeyShowsItselfInsteadOfFailing() {
        assertThat(Texts.get("no.such.key")).isEqualTo("!no.such.key!");
    }
}
