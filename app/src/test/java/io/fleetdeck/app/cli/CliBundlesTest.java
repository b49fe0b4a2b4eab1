package io.fleetdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CLI's English and German bundles hold the same keys, and a message the same arguments in both: read from the
 * files themselves, since a ResourceBundle would quietly fall back to English for a key German lacks.
 */
class CliBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"help", "messages"})
    void germanHasEveryEnglishKeyAndNoOther(String bundle) throws IOException {
        Map<String, String> english = read(bundle + ".properties");
        Map<String, String> german = read(bundle + "_de.properties");

        assertThat(german.keySet()).as("keys of %s_de", bundle).containsExactlyElementsOf(english.keySet());
        german.forEach(
                (key, text) -> assertThat(text).as("%s_de: %s", bundle, key).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages"})
    void aMessageTakesTheSameArgumentsInBothLanguages(String bundle) throws IOException {
        Map<String, String> english = read(bundle + ".properties");
        Map<String, String> german = read(bundle + "_de.properties");

        english.forEach((key, pattern) -> assertThat(arguments(german.getOrDefault(key, "")))
                .as("arguments of %s in %s_de", key, bundle)
                .isEqualTo(arguments(pattern)));
    }

    /** Per argument index, how it is formatted (plain, number, date); a pattern that does not parse fails. */
    private static List<String> arguments(String pattern) {
        Format[] formats = new MessageFormat(pattern, Locale.ROOT).getFormatsByArgumentIndex();
        List<String> kinds = new ArrayList<>();
        for (Format format : formats) {
            // a plural (a ChoiceFormat) in one language may be a plain number in another
            kinds.add(
                    switch (format) {
                        case null -> "plain";
                        case NumberFormat number -> "number";
                        default -> format.getClass().getSimpleName();
                    });
        }
        return kinds;
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages"})
    void aTableHasAsManyColumnsInBothLanguages(String bundle) throws IOException {
        Map<String, String> english = read(bundle + ".properties");
        Map<String, String> german = read(bundle + "_de.properties");

        english.entrySet().stream()
                .filter(entry -> entry.getKey().endsWith(".columns"))
                .forEach(entry -> assertThat(
                                german.getOrDefault(entry.getKey(), "").split("\\|"))
                        .as("columns of %s in %s_de", entry.getKey(), bundle)
                        .hasSameSizeAs(entry.getValue().split("\\|")));
    }

    private static Map<String, String> read(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = CliBundlesTest.class.getResourceAsStream(file)) {
            assertThat(in).as("%s on the class path", file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> sorted = new TreeMap<>();
        properties.forEach((key, value) -> sorted.put((String) key, (String) value));
        return sorted;
    }
}
