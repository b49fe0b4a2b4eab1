package io.fleetdeck.views.thing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The desired-state editor's text becomes an update request, or a problem with its line and column. */
class DesiredEditTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void validJsonIsSentWithTheVersionItStartedFrom() throws Exception {
        DesiredEdit.Result result = DesiredEdit.of("{\"led\": \"on\"}", JSON.readTree("{\"led\":\"off\"}"), 12);

        assertThat(result.valid()).isTrue();
        assertThat(JSON.readTree(result.request()))
                .isEqualTo(JSON.readTree("{\"state\":{\"desired\":{\"led\":\"on\"}},\"version\":12}"));
    }

    @Test
    void aShadowThatDoesNotExistYetIsCreatedWithoutAVersion() throws Exception {
        DesiredEdit.Result result = DesiredEdit.of("{\"led\": \"on\"}", null, 0);

        assertThat(JSON.readTree(result.request()))
                .isEqualTo(JSON.readTree("{\"state\":{\"desired\":{\"led\":\"on\"}}}"));
    }

    @Test
    void aMissingCommaIsReportedWithItsLineAndColumn() {
        DesiredEdit.Result result = DesiredEdit.of("{\n  \"led\": \"on\"\n  \"interval\": 30\n}", null, 3);

        assertThat(result.valid()).isFalse();
        assertThat(result.problem().line()).isEqualTo(3);
        assertThat(result.problem().column()).isEqualTo(3);
        assertThat(result.problem().toString())
                .startsWith("Line 3, column 3: Unexpected character ('\"' (code 34)): was expecting comma");
    }

    @Test
    void aDuplicateKeyAndTrailingTextAreProblemsToo() {
        assertThat(DesiredEdit.of("{\"a\": 1, \"a\": 2}", null, 1).problem().message())
                .contains("Duplicate field 'a'");
        assertThat(DesiredEdit.of("{\"a\": 1} x", null, 1).valid()).isFalse();
    }

    @Test
    void desiredMustBeAnObjectOrNull() throws Exception {
        assertThat(DesiredEdit.of("[1, 2]", null, 1).problem().toString())
                .isEqualTo("Line 1, column 1: Desired must be a JSON object (or null to remove the whole section).");
        assertThat(JSON.readTree(DesiredEdit.of("null", null, 4).request()))
                .isEqualTo(JSON.readTree("{\"state\":{\"desired\":null},\"version\":4}"));
        assertThat(DesiredEdit.of("  ", null, 1).valid()).isFalse();
    }

    @Test
    void keysRemovedInTheEditorAreSentAsNullSoTheyAreDeleted() throws Exception {
        String current = "{\"led\":\"blink\",\"config\":{\"interval\":30,\"alarmAbove\":8},\"thresholds\":[2,8]}";
        String edited = "{\"config\":{\"interval\":15},\"thresholds\":[3]}";

        DesiredEdit.Result result = DesiredEdit.of(edited, JSON.readTree(current), 9);

        assertThat(JSON.readTree(result.request()))
                .isEqualTo(JSON.readTree("{\"state\":{\"desired\":{\"config\":{\"interval\":15,\"alarmAbove\":null},"
                        + "\"thresholds\":[3],\"led\":null}},\"version\":9}"));
    }
}
