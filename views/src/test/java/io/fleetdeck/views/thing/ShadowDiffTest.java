package io.fleetdeck.views.thing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What changed between two versions of a shadow, path by path, arrays as whole values. */
class ShadowDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void addedRemovedAndChangedPathsInDesiredAndReported() throws Exception {
        var older = JSON.readTree("{\"state\":{\"desired\":{\"config\":{\"interval\":60},\"led\":\"off\"},"
                + "\"reported\":{\"temperature\":3.9,\"door\":\"closed\"}},\"version\":3}");
        var newer = JSON.readTree("{\"state\":{\"desired\":{\"config\":{\"interval\":30,\"alarmAbove\":8.0}},"
                + "\"reported\":{\"temperature\":4.1,\"door\":\"closed\",\"thresholds\":[2,8]}},\"version\":7}");

        List<FieldChange> changes = ShadowDiff.between(older, newer);

        assertThat(changes)
                .containsExactly(
                        new FieldChange(FieldChange.Kind.ADDED, "desired.config.alarmAbove", null, "8.0"),
                        new FieldChange(FieldChange.Kind.CHANGED, "desired.config.interval", "60", "30"),
                        new FieldChange(FieldChange.Kind.REMOVED, "desired.led", "\"off\"", null),
                        new FieldChange(FieldChange.Kind.CHANGED, "reported.temperature", "3.9", "4.1"),
                        new FieldChange(FieldChange.Kind.ADDED, "reported.thresholds", null, "[2,8]"));
    }

    @Test
    void anArrayWithOneElementChangedIsOneChangedValue() throws Exception {
        var older = JSON.readTree("{\"state\":{\"desired\":{\"t\":[1,2,3]}}}");
        var newer = JSON.readTree("{\"state\":{\"desired\":{\"t\":[1,5,3]}}}");

        assertThat(ShadowDiff.between(older, newer))
                .containsExactly(new FieldChange(FieldChange.Kind.CHANGED, "desired.t", "[1,2,3]", "[1,5,3]"));
    }

    @Test
    void theSameStateHasNoChangesWhateverTheVersionAndMetadata() throws Exception {
        var a = JSON.readTree(
                "{\"state\":{\"reported\":{\"a\":1}},\"metadata\":{\"reported\":{\"a\":{\"timestamp\":1}}},"
                        + "\"version\":1}");
        var b = JSON.readTree(
                "{\"state\":{\"reported\":{\"a\":1}},\"metadata\":{\"reported\":{\"a\":{\"timestamp\":9}}},"
                        + "\"version\":2}");

        assertThat(ShadowDiff.between(a, b)).isEmpty();
    }

    @Test
    void anEmptyObjectIsTheSameAsNone() throws Exception {
        var a = JSON.readTree("{\"state\":{\"desired\":{},\"reported\":{\"a\":{}}}}");
        var b = JSON.readTree("{\"state\":{}}");

        assertThat(ShadowDiff.between(a, b)).isEmpty();
    }
}
