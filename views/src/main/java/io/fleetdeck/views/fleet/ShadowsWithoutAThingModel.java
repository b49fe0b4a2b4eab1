package io.fleetdeck.views.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.event.EventKind;
import io.fleetdeck.api.event.EventPump;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvents;
import io.fleetdeck.api.event.SubscriptionOptions;
import io.fleetdeck.api.shadows.ShadowService;
import io.fleetdeck.api.shadows.ShadowWithoutAThing;
import io.fleetdeck.api.things.NewThing;
import io.fleetdeck.api.things.ThingService;
import io.fleetdeck.views.common.Refusals;
import io.fleetdeck.views.common.Texts;
import io.fleetdeck.views.common.ViewTasks;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Fleet section's filter "shadows without a thing": shadows kept for names the registry does not have, as AWS
 * keeps them (a device may use its shadow before it is registered, or without ever being). The list follows the fleet:
 * a shadow committed for such a name appears, one whose thing gets registered goes. The thing of a selected row can be
 * created here, through the thing service. Owned by the JavaFX thread; reads run on the background executor, events
 * are heard on a pump thread of their own.
 */
public final class ShadowsWithoutAThingModel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShadowsWithoutAThingModel.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShadowService shadows;
    private final ThingService things;
    private final Executor background;
    private final Executor fxThread;

    private final ObservableList<ShadowWithoutAThing> rows = FXCollections.observableArrayList();
    private final ObservableList<ShadowWithoutAThing> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
    private final ReadOnlyObjectWrapper<@Nullable ShadowWithoutAThing> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper document = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final StringBinding switchText =
            Bindings.createStringBinding(() -> Texts.get("fleet.unregistered.switch", rows.size()), rows);

    /** The thing names in the list as last read, for the event thread to tell which commits matter. */
    private final Set<String> listedThings = ConcurrentHashMap.newKeySet();
    /**
     * Names found in the registry since the list was last read in full; the event thread's alone. As large as the
     * part of the fleet whose shadows changed, and it spares asking the registry at every commit of a registered thing.
     */
    private final Set<String> registered = new HashSet<>();

    private final AtomicLong reads = new AtomicLong();
    private long documentReads;
    private @Nullable AutoCloseable following;

    public ShadowsWithoutAThingModel(ShadowService shadows, ThingService things, ViewTasks tasks) {
        this.shadows = Objects.requireNonNull(shadows, "shadows");
        this.things = Objects.requireNonNull(things, "things");
        this.background = tasks.background();
        this.fxThread = tasks.fxThread();
    }

    // --- commands

    /** Reads the list again; the selected row stays selected while its shadow is still without a thing. */
    public void refresh() {
        long number = reads.incrementAndGet();
        background.execute(() -> {
            List<ShadowWithoutAThing> read;
            try {
                read = shadows.shadowsWithoutAThing();
            } catch (FleetApiException | RuntimeException e) {
                log.warn("Reading the shadows without a thing failed", e);
                String text = e instanceof FleetApiException refused ? Refusals.text(refused) : e.toString();
                fxThread.execute(() -> problem.set(Texts.get("fleet.unregistered.readFailed", text)));
                return;
            }
            if (number != reads.get()) {
                return;
            }
            listedThings.clear();
            read.forEach(row -> listedThings.add(row.thingName()));
            fxThread.execute(() -> show(read));
        });
    }

    /**
     * Hears of shadows committed and things created or deleted from now on, until {@link #close}; reads the list
     * first.
     */
    public void follow(FleetEvents events) {
        following = EventPump.start(
                "unregistered-shadows-events",
                events.subscribe(SubscriptionOptions.forView(
                        "shadows without a thing",
                        EventKind.SHADOW_COMMITTED,
                        EventKind.THING_CREATED,
                        EventKind.THING_DELETED)),
                this::heard);
        refresh();
    }

    /** Shows {@code row}'s shadow document; null shows none. */
    public void select(@Nullable ShadowWithoutAThing row) {
        selected.set(row);
        long number = ++documentReads;
        if (row == null) {
            document.set("");
            return;
        }
        background.execute(() -> {
            String text;
            try {
                text = stateOf(shadows.getThingShadow(row.thingName(), row.shadowName())
                        .json());
            } catch (FleetApiException e) {
                text = Refusals.text(e);
            } catch (RuntimeException e) {
                log.warn("Reading the shadow {} of {} failed", row.shadowName(), row.thingName(), e);
                text = e.toString();
            }
            String shownText = text;
            fxThread.execute(() -> {
                if (number == documentReads) {
                    document.set(shownText);
                }
            });
        });
    }

    /**
     * Registers a thing by the name the shadow was kept under, with no type and no attributes; its shadows are its own
     * from then on, and leave this list. {@code created} hears the name on the JavaFX thread once it is registered.
     */
    public void createThing(String thingName, Consumer<String> created) {
        problem.set(null);
        background.execute(() -> {
            try {
                things.createThing(new NewThing(thingName, null, Map.of()));
            } catch (FleetApiException e) {
                fxThread.execute(() -> problem.set(Refusals.text(e)));
                return;
            } catch (RuntimeException e) {
                log.warn("Creating the thing {} failed", thingName, e);
                fxThread.execute(() -> problem.set(e.toString()));
                return;
            }
            fxThread.execute(() -> created.accept(thingName));
            refresh();
        });
    }

    public void dismissProblem() {
        problem.set(null);
    }

    @Override
    public void close() {
        AutoCloseable pump = following;
        following = null;
        if (pump != null) {
            try {
                pump.close();
            } catch (Exception e) {
                // the subscription ends with the window; nothing is left to undo
            }
        }
    }

    // --- events, on the pump's thread

    private void heard(List<FleetEvent> batch) {
        boolean stale = false;
        for (FleetEvent event : batch) {
            switch (event) {
                case FleetEvent.ThingCreated created -> {
                    registered.add(created.thing());
                    stale |= listedThings.contains(created.thing());
                }
                case FleetEvent.ThingDeleted deleted -> {
                    // the thing's shadows, if any outlived it, are without a thing now
                    registered.remove(deleted.thing());
                    stale = true;
                }
                case FleetEvent.ShadowCommitted committed ->
                    stale |= listedThings.contains(committed.thing()) || !isRegistered(committed.thing());
                case FleetEvent.EventsLost lost -> {
                    registered.clear();
                    stale = true;
                }
                default -> {
                    // not asked for
                }
            }
        }
        if (stale) {
            refresh();
        }
    }

    private boolean isRegistered(String thingName) {
        if (registered.contains(thingName)) {
            return true;
        }
        try {
            things.describeThing(thingName);
            registered.add(thingName);
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        } catch (FleetApiException | RuntimeException e) {
            log.debug("Could not tell whether {} is registered; the list is read again", thingName, e);
            return false;
        }
    }

    /** The document's state (desired, reported, delta), indented: its metadata would only repeat the update times. */
    private static String stateOf(String documentJson) {
        try {
            JsonNode state = JSON.readTree(documentJson).path("state");
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state);
        } catch (JsonProcessingException e) {
            return documentJson;
        }
    }

    // --- on the JavaFX thread

    private void show(List<ShadowWithoutAThing> read) {
        problem.set(null);
        ShadowWithoutAThing before = selected.get();
        rows.setAll(read);
        if (before == null) {
            return;
        }
        ShadowWithoutAThing now = read.stream()
                .filter(row -> row.thingName().equals(before.thingName())
                        && row.shadowName().equals(before.shadowName()))
                .findFirst()
                .orElse(null);
        if (now == null || now.version() != before.version()) {
            select(now);
        }
    }

    // --- properties

    /** The shadows without a thing, by thing name then shadow name ("" the classic shadow first). */
    public ObservableList<ShadowWithoutAThing> rows() {
        return rowsView;
    }

    /** Whether the Fleet section shows this list instead of its things. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    public ReadOnlyObjectProperty<@Nullable ShadowWithoutAThing> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected shadow's state (desired, reported, delta) as JSON, indented; empty with none selected. */
    public ReadOnlyStringProperty documentProperty() {
        return document.getReadOnlyProperty();
    }

    /** Why the list could not be read or the thing not created, in the service's words; null when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** {@code Shadows without a thing (2)}: the switch's words, with the count. */
    public StringBinding switchText() {
        return switchText;
    }
}
