package io.fleetdeck.fleet.events;

import io.fleetdeck.api.event.EventSubscription;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvents;
import io.fleetdeck.api.event.SubscriptionOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fleet's events in this process: every source publishes here after it commits, and each subscriber reads its own
 * bounded queue ({@link SubscriberQueue}). Publishing takes no lock of its own, so a subscriber that publishes too
 * (the index announces what it indexed) cannot wait on itself; a source is expected to publish from one thread at a
 * time, which keeps its events in commit order for every subscriber.
 */
public final class FleetEventHub implements FleetEvents, FleetEventSink {

    private final List<SubscriberQueue> subscribers = new CopyOnWriteArrayList<>();

    @Override
    public EventSubscription subscribe(SubscriptionOptions options) {
        SubscriberQueue queue = new SubscriberQueue(options, subscribers::remove);
        subscribers.add(queue);
        return queue;
    }

    @Override
    public void publish(FleetEvent event) {
        publishAll(List.of(event));
    }

    /** Hands the events to each subscriber that wants them; waits where a full subscriber has {@code BLOCK}. */
    @Override
    public void publishAll(List<? extends FleetEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        for (SubscriberQueue subscriber : subscribers) {
            subscriber.offer(events);
        }
    }

    /** How many subscriptions are open: for tests and the console's diagnostics. */
    public int subscriberCount() {
        return subscribers.size();
    }
}
