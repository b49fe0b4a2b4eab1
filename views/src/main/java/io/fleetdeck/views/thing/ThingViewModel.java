package io.fleetdeck.views.thing;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.ShadowRejectedException;
import io.fleetdeck.api.shadows.ShadowDocument;
import io.fleetdeck.api.shadows.ShadowService;
import io.fleetdeck.api.things.ThingDetail;
import io.fleetdeck.api.things.ThingService;
import io.fleetdeck.views.common.Notice;
import io.fleetdeck.views.common.Refusals;
import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.common.ViewTasks;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thing's detail: its registry entry, certificates and connectivity, the shadow chosen (classic or named) as a
 * tree with its delta, the desired-state editor and the shadow's version history with a diff between any two
 * versions. Reads and updates run on the background executor and come back on the JavaFX thread; a read that a newer
 * one overtook is dropped. Owned by the JavaFX thread.
 */
public final class ThingViewModel {

    private static final Logger log = LoggerFactory.getLogger(ThingViewModel.class);

    /** The classic (unnamed) shadow's name in the port. */
    public static final String CLASSIC = "";

    private static final int NOT_FOUND = 404;

    private final ThingService things;
    private final ShadowService shadows;
    private final String thingName;
    private final Executor background;
    private final Executor fxThread;

    private final ReadOnlyObjectWrapper<ThingDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> shadowNames = FXCollections.observableArrayList(CLASSIC);
    private final ReadOnlyStringWrapper selectedShadow = new ReadOnlyStringWrapper(CLASSIC);
    private final ReadOnlyObjectWrapper<ShadowTree> shadow = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper();

    private final StringProperty editorText = new SimpleStringProperty(this, "editorText", "");
    private final ReadOnlyStringWrapper editorProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyLongWrapper editorVersion = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canSend;
    private final ConnectivityTimes times;
    private final SentNotice sent = new SentNotice(notice);

    private final ShadowHistory history = new ShadowHistory();
    private final ThingAttributeEdits attributeEdits;
    private final ObservableList<String> shadowNamesView = FXCollections.unmodifiableObservableList(shadowNames);

    /** The desired section the editor started from, which removals are worked out against; "" before any read. */
    private String editorBase = "";
    /** Every read gets the next number; only the newest one's answer is shown. */
    private long reads;

    /** Reads and updates run on {@code tasks}' background; their outcome comes back on its JavaFX thread. */
    public ThingViewModel(ThingService things, ShadowService shadows, String thingName, Clock clock, ViewTasks tasks) {
        this.things = Objects.requireNonNull(things, "things");
        this.shadows = Objects.requireNonNull(shadows, "shadows");
        this.thingName = Objects.requireNonNull(thingName, "thingName");
        this.background = tasks.background();
        this.fxThread = tasks.fxThread();
        this.attributeEdits = new ThingAttributeEdits(things, tasks, notice::set, this::reload);
        editorText.subscribe(text -> checkEditor());
        canSend = Bindings.createBooleanBinding(
                () -> editorProblem.get() == null && !sending.get() && shadow.get() != null,
                editorProblem,
                sending,
                shadow);
        times = new ConnectivityTimes(clock, detail);
    }

    // --- commands

    /** Reads the thing, the chosen shadow and its history again; edits in the editor stay. */
    public void reload() {
        read(selectedShadow.get(), true);
    }

    /** Shows another of the thing's shadows; "" is the classic shadow. The editor starts over from its desired. */
    public void selectShadow(String shadowName) {
        String name = shadowName == null ? CLASSIC : shadowName;
        if (name.equals(selectedShadow.get())) {
            return;
        }
        selectedShadow.set(name);
        shadow.set(null);
        history.clear();
        read(name, false);
    }

    /**
     * Sends the editor's desired state as {@code {"state":{"desired":…},"version":N}} with the version the editor
     * started from, so a shadow that moved on meanwhile is refused (409) instead of overwritten.
     */
    public void send() {
        if (sending.get()) {
            return;
        }
        DesiredEdit.Result edit =
                DesiredEdit.of(editorText.get(), DesiredEdit.desiredOf(editorBase), editorVersion.get());
        String request = edit.request();
        if (request == null) {
            editorProblem.set(String.valueOf(edit.problem()));
            return;
        }
        String shadowName = selectedShadow.get();
        long version = editorVersion.get();
        sending.set(true);
        background.execute(() -> {
            ShadowDocument updated = null;
            ShadowRejectedException rejected = null;
            String failure = null;
            try {
                shadows.updateThingShadow(thingName, shadowName, request);
                updated = shadows.getThingShadow(thingName, shadowName);
            } catch (ShadowRejectedException e) {
                rejected = e;
            } catch (FleetApiException | RuntimeException e) {
                log.warn("Sending a desired state to {} failed", thingName, e);
                failure = describe(e);
            }
            ShadowTree after = updated == null ? null : ShadowTree.of(updated);
            ShadowRejectedException refusal = rejected;
            String problem = failure;
            fxThread.execute(() -> {
                sending.set(false);
                if (!shadowName.equals(selectedShadow.get())) {
                    return;
                }
                if (after != null) {
                    conflict.set(false);
                    showShadow(after, true);
                    sent.show(new SentDesired(shadowName, after.version(), after.pendingDesired()));
                    readHistory(shadowName);
                } else if (refusal != null && refusal.code() == ShadowRejectedException.VERSION_CONFLICT) {
                    conflict.set(true);
                    notice.set(Notice.error(Texts.get("thing.notice.conflict", version)));
                } else if (refusal != null) {
                    notice.set(Notice.error(
                            Texts.get("thing.notice.rejected", refusal.code(), String.valueOf(refusal.getMessage()))));
                } else {
                    notice.set(Notice.error(Texts.get("thing.notice.sendFailed", String.valueOf(problem))));
                }
            });
        });
    }

    /** Puts the shadow's current desired state back in the editor. */
    public void revertEditor() {
        ShadowTree now = shadow.get();
        if (now != null) {
            editorBase = now.desired();
            editorVersion.set(now.version());
            editorText.set(now.desired());
        }
    }

    /** Gives the thing's registry attribute {@code name} the value {@code value}; an empty value removes it. */
    public void setAttribute(String name, String value) {
        ThingDetail thing = detail.get();
        if (thing != null) {
            attributeEdits.set(thing, name, value);
        }
    }

    /** Adds a registry attribute; one without a name or value, or a name the thing has, is refused here. */
    public void addAttribute(String name, String value) {
        ThingDetail thing = detail.get();
        if (thing != null) {
            attributeEdits.add(thing, name, value);
        }
    }

    public void removeAttribute(String name) {
        ThingDetail thing = detail.get();
        if (thing != null) {
            attributeEdits.remove(thing, name);
        }
    }

    /** True while an attribute change is on its way to the registry. */
    public ReadOnlyBooleanProperty attributesBusyProperty() {
        return attributeEdits.busyProperty();
    }

    public void dismissNotice() {
        notice.set(null);
        conflict.set(false);
    }

    /** Moves the tab's relative times on when due; its view's timeline calls this every second. */
    public void tick() {
        times.tick();
    }

    // --- reading

    private void read(String shadowName, boolean keepEdits) {
        long number = ++reads;
        loading.set(true);
        background.execute(() -> {
            ThingDetail thing = null;
            Optional<ShadowDocument> document = Optional.empty();
            List<TimelineVersion> versions = List.of();
            String failure = null;
            try {
                thing = things.inspectThing(thingName);
                document = shadowOrNone(shadowName);
                versions = TimelineVersion.timeline(shadows.shadowHistory(thingName, shadowName));
            } catch (FleetApiException e) {
                failure = Refusals.text(e);
            } catch (RuntimeException e) {
                log.warn("Reading thing {} failed", thingName, e);
                failure = describe(e);
            }
            ThingDetail readThing = thing;
            ShadowTree state = document.map(ShadowTree::of).orElse(ShadowTree.none());
            List<TimelineVersion> timeline = versions;
            String problem = failure;
            fxThread.execute(() -> {
                if (number != reads) {
                    return;
                }
                loading.set(false);
                if (problem != null || readThing == null) {
                    notice.set(Notice.error(Texts.get("thing.notice.readFailed", thingName, String.valueOf(problem))));
                    return;
                }
                detail.set(readThing);
                List<String> names = new ArrayList<>();
                names.add(CLASSIC);
                readThing.shadowNames().stream()
                        .filter(n -> !n.isEmpty())
                        .sorted()
                        .forEach(names::add);
                if (!names.contains(shadowName)) {
                    names.add(shadowName);
                }
                if (!shadowNames.equals(names)) {
                    shadowNames.setAll(names);
                }
                showShadow(state, !keepEdits || !edited());
                sent.follow(shadowName, state);
                history.show(timeline);
                if (conflict.get()) {
                    conflict.set(false);
                    notice.set(Notice.warning(Texts.get("thing.notice.reloaded", state.version())));
                    editorBase = state.desired();
                    editorVersion.set(state.version());
                }
            });
        });
    }

    /** The shadow's document, or nothing when the thing has no such shadow yet. */
    private Optional<ShadowDocument> shadowOrNone(String shadowName) throws FleetApiException {
        try {
            return Optional.of(shadows.getThingShadow(thingName, shadowName));
        } catch (ShadowRejectedException e) {
            if (e.code() == NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void readHistory(String shadowName) {
        long number = reads;
        background.execute(() -> {
            List<TimelineVersion> timeline;
            try {
                timeline = TimelineVersion.timeline(shadows.shadowHistory(thingName, shadowName));
            } catch (FleetApiException | RuntimeException e) {
                log.warn("Reading the history of a shadow of {} failed", thingName, e);
                return;
            }
            fxThread.execute(() -> {
                if (number == reads && shadowName.equals(selectedShadow.get())) {
                    history.show(timeline);
                }
            });
        });
    }

    private void showShadow(ShadowTree state, boolean resetEditor) {
        shadow.set(state);
        if (resetEditor) {
            editorBase = state.desired();
            editorVersion.set(state.version());
            editorText.set(state.desired());
            checkEditor();
        }
    }

    private boolean edited() {
        return !editorText.get().equals(editorBase);
    }

    private void checkEditor() {
        DesiredEdit.Result edit = DesiredEdit.of(editorText.get(), null, 0);
        DesiredEdit.Problem problem = edit.problem();
        editorProblem.set(problem == null ? null : problem.toString());
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? "unexpected " + e.getClass().getSimpleName() : e.getMessage();
    }

    // --- presentation

    public String thingName() {
        return thingName;
    }

    /** Now as the tab's relative times ("12 s ago") are written against; moves with {@link #tick}. */
    public Instant now() {
        return times.now();
    }

    /** Moves when the tab's relative times should be written again. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return times.nowProperty();
    }

    /** {@code since 2026-12-07 19:02:11 (12 s ago)} while connected, {@code disconnected …} after; ticks. */
    public StringBinding connectivitySinceText() {
        return times.sinceText();
    }

    /** {@code last heard from 3 s ago} when a message came after the connect, else empty; ticks. */
    public StringBinding lastSeenText() {
        return times.lastSeenText();
    }

    public ZoneId zone() {
        return times.zone();
    }

    // --- properties

    /** The thing as last read, or null before the first read. */
    public ReadOnlyObjectProperty<ThingDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The classic shadow ("") first, then the named ones by name. */
    public ObservableList<String> shadowNames() {
        return shadowNamesView;
    }

    public ReadOnlyStringProperty selectedShadowProperty() {
        return selectedShadow.getReadOnlyProperty();
    }

    /** The chosen shadow as last read; {@link ShadowTree#none()} when the thing has no such shadow yet. */
    public ReadOnlyObjectProperty<ShadowTree> shadowProperty() {
        return shadow.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** True after a send was refused with 409 until the user reloads or dismisses it. */
    public ReadOnlyBooleanProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    /** The desired state being edited, as JSON. */
    public StringProperty editorTextProperty() {
        return editorText;
    }

    /** Where the editor's text is not valid JSON ({@code Line 3, column 14: …}), or null when it is. */
    public ReadOnlyStringProperty editorProblemProperty() {
        return editorProblem.getReadOnlyProperty();
    }

    /** The shadow version the editor's text started from, which a send names. */
    public ReadOnlyLongProperty editorVersionProperty() {
        return editorVersion.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    public BooleanBinding canSend() {
        return canSend;
    }

    /** The versions the shadow service kept, newest first. */
    public ObservableList<TimelineVersion> history() {
        return history.versions();
    }

    /** The older side of the comparison; null compares with the version just before {@link #compareToProperty}. */
    public ObjectProperty<TimelineVersion> compareFromProperty() {
        return history.compareFromProperty();
    }

    public ObjectProperty<TimelineVersion> compareToProperty() {
        return history.compareToProperty();
    }

    /** What changed from the older to the newer of the two versions compared, by path. */
    public ObservableList<FieldChange> diff() {
        return history.diff();
    }
}
