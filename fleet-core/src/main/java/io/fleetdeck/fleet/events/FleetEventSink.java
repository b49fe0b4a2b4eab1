package io.fleetdeck.fleet.events;

import io.fleetdeck.api.event.FleetEvent;
import java.util.List;

/**
 * Where a source of fleet changes (the registry, the shadow committer, the connectivity tracker, the identities, the
 * index) puts its events once they are committed. A source calls it from one thread at a time, in commit order.
 */
@FunctionalInterface
public interface FleetEventSink {

    /** For a source whose changes nobody follows (a command-line tool, a test of something else). */
    FleetEventSink NONE = event -> {};

    void publish(FleetEvent event);

    /** Publishes these events in order; a sink that can hand over a batch at once does so. */
    default void publishAll(List<? extends FleetEvent> events) {
        events.forEach(this::publish);
    }

    /**
     * This sink first, then {@code next}: for an observer that must act within the change (a cache to drop, a
     * attachment to move) before subscribers hear of it.
     */
    default FleetEventSink andThen(FleetEventSink next) {
        FleetEventSink first = this;
        return new FleetEventSink() {
            @Override
            public void publish(FleetEvent event) {
                first.publish(event);
                next.publish(event);
            }

            @Override
            public void publishAll(List<? extends FleetEvent> events) {
                first.publishAll(events);
                next.publishAll(events);
            }
        };
    }
}
