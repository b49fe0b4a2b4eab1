package io.fleetdeck.api.event;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who subscribes (a name for logs and errors), to which kinds of events (all when empty), with how big a queue and
 * what happens when it is full.
 */
public record SubscriptionOptions(String subscriber, Set<EventKind> kinds, int capacity, OverflowPolicy overflow) {

    /** A view's queue: one event per thing and kind, at most this many things behind before it reads everything. */
    public static final int VIEW_CAPACITY = 50_000;

    /** A durable consumer's queue: a few of the shadow committer's batches. */
    public static final int DURABLE_CAPACITY = 8_192;

    public SubscriptionOptions {
        if (subscriber.isBlank()) {
            throw new IllegalArgumentException("a subscriber needs a name");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("a subscriber's queue holds at least one event, not " + capacity);
        }
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    /** A view's subscription: coalescing, never holding the publisher up. */
    public static SubscriptionOptions forView(String subscriber, EventKind first, EventKind... more) {
        return new SubscriptionOptions(subscriber, EnumSet.of(first, more), VIEW_CAPACITY, OverflowPolicy.COALESCE);
    }

    /** A durable consumer's subscription: every event, the publisher waits when the subscriber is behind. */
    public static SubscriptionOptions durable(String subscriber, EventKind first, EventKind... more) {
        return new SubscriptionOptions(subscriber, EnumSet.of(first, more), DURABLE_CAPACITY, OverflowPolicy.BLOCK);
    }

    public boolean wants(FleetEvent event) {
        return kinds.isEmpty() || kinds.contains(event.kind());
    }
}
