package io.fleetdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * picocli's words for bad input, as fleetdeck 0.1 printed them (each taken from the real command): unchanged in
 * English, in German for a German user.
 */
class ParseErrorWordingTest {

    private final Locale before = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Unknown option: '--frob'                                     | Unbekannte Option: '--frob'
            Unknown options: '--frob', '--bar'                           | Unbekannte Optionen: '--frob', '--bar'
            Unmatched argument at index 2: 'x'                           | Unerwartetes Argument an Position 2: 'x'
            Unmatched arguments from index 3: 'b', 'c'                   | Unerwartete Argumente ab Position 3: 'b', 'c'
            Missing required parameter: 'NAME'                           | Pflichtparameter fehlt: 'NAME'
            Missing required parameters: 'THING', 'JSON'                 | Pflichtparameter fehlen: 'THING', 'JSON'
            Missing required parameter for option '--type' (T)           | Der Option '--type' fehlt ihr Wert (T)
            Missing required option: '--document=FILE'                   | Pflichtoption fehlt: '--document=FILE'
            Expected parameter for option '--type' but found '--data-dir' | Die Option '--type' erwartet einen Wert, gefunden wurde '--data-dir'
            Invalid value for option '--mqtts-port': 'abc' is not an int | Ungültiger Wert für die Option '--mqtts-port': 'abc' ist keine ganze Zahl
            option '--type' (T) should be specified only once            | Die Option '--type' (T) darf nur einmal angegeben werden
            """)
    void picocliSpeaksGermanToAGermanUserAndStaysItselfInEnglish(String english, String german) {
        Locale.setDefault(Locale.US);
        assertThat(ParseErrorWording.inLocale(english)).isEqualTo(english);

        Locale.setDefault(Locale.GERMANY);
        assertThat(ParseErrorWording.inLocale(english)).isEqualTo(german);
    }

    @Test
    void aChoiceOfValuesIsNamedInGerman() {
        String english =
                "Invalid value for option '--output': expected one of [json, text] (case-sensitive)" + " but was 'xml'";
        Locale.setDefault(Locale.GERMANY);

        assertThat(ParseErrorWording.inLocale(english))
                .isEqualTo("Ungültiger Wert für die Option '--output': erwartet wird einer von [json, text]"
                        + " (Groß-/Kleinschreibung zählt), angegeben war 'xml'");
    }

    @Test
    void aShapeNoMessageKnowsStaysAsPicocliWroteIt() {
        Locale.setDefault(Locale.GERMANY);
        String unknown = "Invalid value for option '--at': 'soon' is not a java.time.Instant";

        assertThat(ParseErrorWording.inLocale(unknown)).isEqualTo(unknown);
    }
}
