package io.fleetdeck.views.thing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.api.shadows.ShadowDocument;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A get/accepted document read for the tree: desired beside reported, timestamps per leaf, the delta marked. */
class ShadowStateTest {

    private static final String DOCUMENT = """
            {"state": {
               "desired":  {"config": {"interval": 30, "unit": "C"}, "led": "blink", "thresholds": [2, 8]},
               "reported": {"config": {"interval": 60, "unit": "C"}, "temperature": 4.1},
               "delta":    {"config": {"interval": 30}, "led": "blink", "thresholds": [2, 8]}},
             "metadata": {
               "desired":  {"config": {"interval": {"timestamp": 1700000300}, "unit": {"timestamp": 1700000100}},
                            "led": {"timestamp": 1700000300},
                            "thresholds": [{"timestamp": 1700000200}, {"timestamp": 1700000300}]},
               "reported": {"config": {"interval": {"timestamp": 1700000000}, "unit": {"timestamp": 1700000000}},
                            "temperature": {"timestamp": 1700000250}}},
             "version": 12, "timestamp": 1700000300}
            """;

    private final ShadowTree state = ShadowTree.of(new ShadowDocument(12, Instant.ofEpochSecond(1700000300), DOCUMENT));

    @Test
    void desiredAndReportedKeysShowTogetherSortedByName() {
        assertThat(state.fields())
                .extracting(ShadowField::key)
                .containsExactly("config", "led", "temperature", "thresholds");
        assertThat(state.field("config").children())
                .extracting(ShadowField::key)
                .containsExactly("interval", "unit");
    }

    @Test
    void aLeafInTheDeltaIsPendingAndSoIsTheObjectAboveIt() {
        assertThat(state.field("config.interval").pending()).isTrue();
        assertThat(state.field("config.unit").pending()).isFalse();
        assertThat(state.field("config").pending()).isTrue();
        assertThat(state.field("led").pending()).isTrue();
        assertThat(state.field("temperature").pending())
                .as("reported only never pends")
                .isFalse();
        assertThat(state.pendingLeaves()).isEqualTo(3);
    }

    @Test
    void eachSideShowsItsValueAndWhenItWasWritten() {
        ShadowField interval = state.field("config.interval");
        assertThat(interval.desired()).isEqualTo("30");
        assertThat(interval.reported()).isEqualTo("60");
        assertThat(interval.desiredAt()).isEqualTo(Instant.ofEpochSecond(1700000300));
        assertThat(interval.reportedAt()).isEqualTo(Instant.ofEpochSecond(1700000000));
        ShadowField led = state.field("led");
        assertThat(led.reported()).isNull();
        assertThat(led.reportedAt()).isNull();
    }

    @Test
    void anArrayIsOneValueWrittenWhenItsLatestElementWas() {
        ShadowField thresholds = state.field("thresholds");
        assertThat(thresholds.isLeaf()).isTrue();
        assertThat(thresholds.desired()).isEqualTo("[2,8]");
        assertThat(thresholds.desiredAt()).isEqualTo(Instant.ofEpochSecond(1700000300));
    }

    @Test
    void theEditorStartsFromDesiredPrettyPrinted() {
        assertThat(state.desired()).startsWith("{\n  \"config\" : {\n    \"interval\" : 30,");
        assertThat(ShadowTree.of(new ShadowDocument(1, Instant.EPOCH, "{\"state\":{\"reported\":{\"a\":1}}}"))
                        .desired())
                .isEqualTo("{}");
    }
}
