package io.fleetdeck.views.thing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetdeck.api.error.ShadowRejectedException;
import io.fleetdeck.views.common.Notice;
import io.fleetdeck.views.common.ViewTasks;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The Thing view's state without a screen: reads and sends run at once on the calling thread. */
class ThingViewModelTest {

    private final FakeInspector inspector = FakeInspector.coldStoreSensor();
    private final ThingViewModel model = new ThingViewModel(
            inspector,
            inspector,
            FakeInspector.THING,
            Clock.fixed(FakeInspector.NOW, ZoneOffset.UTC),
            ViewTasks.callingThread());

    @Test
    void readingShowsTheThingItsClassicShadowWithTheDeltaAndItsHistory() {
        model.reload();

        assertThat(model.detailProperty().get().attributes()).containsEntry("firmwareVersion", "1.9.7");
        assertThat(model.shadowNames()).containsExactly("", "config");
        ShadowTree shadow = model.shadowProperty().get();
        assertThat(shadow.version()).isEqualTo(4);
        assertThat(shadow.pendingLeaves())
                .as("interval, alarmAbove, led, thresholds")
                .isEqualTo(4);
        assertThat(model.editorVersionProperty().get()).isEqualTo(4);
        assertThat(model.history()).extracting(TimelineVersion::version).containsExactly(4L, 3L, 2L, 1L);
        assertThat(model.compareToProperty().get().version()).isEqualTo(4);
        assertThat(model.compareFromProperty().get().version()).isEqualTo(3);
    }

    @Test
    void theDiffComparesAnyTwoVersionsOlderToNewer() {
        model.reload();

        model.compareFromProperty().set(model.history().get(3));
        model.compareToProperty().set(model.history().get(1));

        assertThat(model.diff())
                .containsExactly(
                        new FieldChange(FieldChange.Kind.ADDED, "desired.config.interval", null, "60"),
                        new FieldChange(FieldChange.Kind.ADDED, "desired.config.unit", null, "\"C\""),
                        new FieldChange(FieldChange.Kind.CHANGED, "reported.humidity", "71", "70"),
                        new FieldChange(FieldChange.Kind.CHANGED, "reported.temperature", "3.9", "4.1"));

        model.compareFromProperty().set(model.history().get(0));
        assertThat(model.diff())
                .as("picked the other way round, still older to newer")
                .extracting(FieldChange::path, FieldChange::kind)
                .containsExactly(
                        tuple("desired.config.alarmAbove", FieldChange.Kind.ADDED),
                        tuple("desired.config.interval", FieldChange.Kind.CHANGED),
                        tuple("desired.led", FieldChange.Kind.ADDED),
                        tuple("desired.thresholds", FieldChange.Kind.ADDED));
    }

    @Test
    void invalidJsonSaysWhereAndIsNotSent() {
        model.reload();

        model.editorTextProperty().set("{\n  \"led\": \"on\",\n}");

        assertThat(model.editorProblemProperty().get()).startsWith("Line 3, column 1: Unexpected character ('}'");
        assertThat(model.canSend().get()).isFalse();
        model.send();
        assertThat(inspector.updates).isEmpty();
    }

    @Test
    void aSentDesiredStateNamesTheVersionShownAndShowsTheNewVersion() {
        model.reload();

        model.editorTextProperty().set("{\"led\": \"off\", \"config\": {\"interval\": 30, \"alarmAbove\": 8.0}}");
        model.send();

        assertThat(inspector.updates.getLast()).contains("\"version\":4").contains("\"thresholds\":null");
        assertThat(model.shadowProperty().get().version()).isEqualTo(5);
        assertThat(model.noticeProperty().get().kind()).isEqualTo(Notice.Kind.SUCCESS);
        assertThat(model.noticeProperty().get().text()).contains("version 5").contains("3 fields wait");
        assertThat(model.history().getFirst().version()).isEqualTo(5);
        assertThat(model.editorVersionProperty().get()).isEqualTo(5);
    }

    @Test
    void aVersionConflictKeepsTheEditsAndOffersAReloadThatSendsAgainstTheNewVersion() {
        model.reload();
        String edits = "{\"led\": \"off\"}";
        model.editorTextProperty().set(edits);
        inspector.deviceReports("", "{\"temperature\": 4.4}");

        model.send();

        assertThat(model.conflictProperty().get()).isTrue();
        assertThat(model.noticeProperty().get().kind()).isEqualTo(Notice.Kind.ERROR);
        assertThat(model.noticeProperty().get().text())
                .startsWith("Version conflict (409)")
                .contains("after version 4 was loaded")
                .contains("Reload");
        assertThat(model.editorTextProperty().get()).isEqualTo(edits);
        assertThat(inspector.version("")).isEqualTo(5);

        model.reload();

        assertThat(model.conflictProperty().get()).isFalse();
        assertThat(model.shadowProperty().get().version()).isEqualTo(5);
        assertThat(model.editorTextProperty().get()).isEqualTo(edits);
        assertThat(model.editorVersionProperty().get()).isEqualTo(5);
        assertThat(model.noticeProperty().get().kind()).isEqualTo(Notice.Kind.WARNING);

        model.send();

        assertThat(inspector.updates.getLast()).contains("\"version\":5");
        assertThat(model.shadowProperty().get().version()).isEqualTo(6);
        assertThat(model.noticeProperty().get().kind()).isEqualTo(Notice.Kind.SUCCESS);
    }

    @Test
    void anotherRejectionShowsTheServicesCodeAndMessage() {
        model.reload();
        inspector.nextRejection =
                new ShadowRejectedException(400, "JSON contains too many levels of nesting; maximum is 6");

        model.editorTextProperty().set("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":1}}}}}}}");
        model.send();

        assertThat(model.noticeProperty().get().text())
                .isEqualTo("The shadow service rejected the update (400): JSON contains too many levels of nesting;"
                        + " maximum is 6");
        assertThat(model.conflictProperty().get()).isFalse();
        assertThat(model.shadowProperty().get().version()).isEqualTo(4);
    }

    @Test
    void aNamedShadowIsReadOnItsOwnAndTheEditorStartsFromIt() {
        model.reload();

        model.selectShadow("config");

        assertThat(model.shadowProperty().get().fields())
                .singleElement()
                .satisfies(field -> assertThat(field.key()).isEqualTo("mode"));
        assertThat(model.shadowProperty().get().pendingLeaves()).isZero();
        assertThat(model.editorTextProperty().get()).contains("\"mode\" : \"eco\"");
        assertThat(model.history()).hasSize(1);
    }

    @Test
    void aThingThatCannotBeReadSaysWhy() {
        ThingViewModel missing = new ThingViewModel(
                inspector,
                inspector,
                "pump-404",
                Clock.fixed(FakeInspector.NOW, ZoneOffset.UTC),
                ViewTasks.callingThread());

        missing.reload();

        assertThat(missing.noticeProperty().get().text())
                .isEqualTo("Could not read pump-404: Thing pump-404 does not exist");
        assertThat(missing.detailProperty().get()).isNull();
    }
}
