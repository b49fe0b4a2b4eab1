package io.fleetdeck.views.fleet;

import io.fleetdeck.api.event.EventKind;
import io.fleetdeck.api.event.EventPump;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvents;
import io.fleetdeck.api.event.SubscriptionOptions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows the fleet index's announcements, not the store: a thing is told once the index wrote it (coalesced per thing
 * while the view is busy); after a rebuild, or when the view fell too far behind and events were lost, the view is
 * told that everything may have changed.
 */
final class IndexedThings {

    /** What a batch of announcements means to a view. */
    interface Listener {
        void indexed(Set<String> thingNames);

        void everythingMayHaveChanged();
    }

    private IndexedThings() {}

    /** Starts following on a thread of its own, named {@code threadName}; close the result to stop. */
    static AutoCloseable follow(FleetEvents events, String subscriber, String threadName, Listener listener) {
        return EventPump.start(
                threadName,
                events.subscribe(
                        SubscriptionOptions.forView(subscriber, EventKind.THING_INDEXED, EventKind.INDEX_REBUILT)),
                batch -> tell(batch, listener));
    }

    private static void tell(List<FleetEvent> batch, Listener listener) {
        Set<String> things = new LinkedHashSet<>();
        for (FleetEvent event : batch) {
            switch (event) {
                case FleetEvent.ThingIndexed indexed -> things.add(indexed.thing());
                case FleetEvent.IndexRebuilt rebuilt -> {
                    listener.everythingMayHaveChanged();
                    return;
                }
                case FleetEvent.EventsLost lost -> {
                    listener.everythingMayHaveChanged();
                    return;
                }
                default -> {
                    // not asked for
                }
            }
        }
        if (!things.isEmpty()) {
            listener.indexed(things);
        }
    }
}
