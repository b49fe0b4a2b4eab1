package io.fleetdeck.views.groups;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.event.EventKind;
import io.fleetdeck.api.event.EventPump;
import io.fleetdeck.api.event.FleetEvents;
import io.fleetdeck.api.event.SubscriptionOptions;
import io.fleetdeck.api.groups.GroupService;
import io.fleetdeck.api.groups.ThingGroupSummary;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the thing groups on a background thread at start and whenever the registry reports a change, at most four
 * times a second however many changes arrive, and hands them to the JavaFX thread. Close it when the window closes.
 */
public final class GroupsFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupsFeed.class);
    static final long BATCH_MILLIS = 250;

    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("groups-view-reader").factory());
    private final AtomicBoolean changed = new AtomicBoolean(true);
    private final AutoCloseable subscription;

    /**
     * Starts reading {@code groups}, again after each batch of group, hierarchy or membership events (coalesced: the
     * groups are read again whatever changed); {@code apply} runs on {@code fxThread}.
     */
    public GroupsFeed(
            GroupService groups, FleetEvents events, Executor fxThread, Consumer<List<ThingGroupSummary>> apply) {
        Objects.requireNonNull(apply, "apply");
        subscription = EventPump.start(
                "groups-view-events",
                events.subscribe(SubscriptionOptions.forView(
                        "groups view",
                        EventKind.GROUP_CHANGED,
                        EventKind.HIERARCHY_CHANGED,
                        EventKind.MEMBERSHIP_CHANGED)),
                batch -> changed.set(true));
        reader.scheduleWithFixedDelay(
                () -> {
                    if (!changed.getAndSet(false)) {
                        return;
                    }
                    try {
                        List<ThingGroupSummary> read = List.copyOf(groups.thingGroupHierarchy());
                        fxThread.execute(() -> apply.accept(read));
                    } catch (FleetApiException | RuntimeException e) {
                        changed.set(true);
                        log.warn("Could not read the thing groups for the Groups view", e);
                    }
                },
                0,
                BATCH_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            log.warn("Could not stop listening to the thing groups", e);
        }
        reader.shutdownNow();
    }
}
