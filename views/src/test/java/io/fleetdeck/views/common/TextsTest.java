package io.fleetdeck.views.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The console's bundles: German is complete, every pattern is valid, and every key the code asks for exists. */
class TextsTest {

    private static final Pattern KEY_IN_CODE = Pattern.compile("Texts\\.(?:get|in)\\((?:[^,()]+, )?\"([^\"]+)\"");

    private final ResourceBundle english = Texts.bundle(Locale.ENGLISH);
    private final ResourceBundle german = Texts.bundle(Locale.GERMAN);

    @Test
    void germanHasEveryEnglishKeyAndNoOther() {
        assertThat(german.getLocale()).isEqualTo(Locale.GERMAN);
        assertThat(new TreeSet<>(german.keySet())).isEqualTo(new TreeSet<>(english.keySet()));
    }

    @Test
    void everyPatternIsValidAndBothLanguagesTakeTheSameArguments() {
        for (String key : english.keySet()) {
            int englishArguments = new MessageFormat(english.getString(key)).getFormatsByArgumentIndex().length;
            int germanArguments = new MessageFormat(german.getString(key)).getFormatsByArgumentIndex().length;
            assertThat(germanArguments).as(key).isEqualTo(englishArguments);
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
        assertThat(english.keySet()).containsAll(asked);
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
