package io.fleetdeck.api.event;

/** What happens when a subscriber's queue is full and another event comes. */
public enum OverflowPolicy {
    /**
     * For views: a new event replaces a queued one with the same {@link FleetEvent#coalescingKey()}, so the queue
     * holds at most one event per thing and kind. When it still fills, it is emptied and the subscriber gets {@link
     * FleetEvent.EventsLost} first: it reads everything again. The publisher never waits.
     */
    COALESCE,
    /** For durable consumers that must see every event: the publisher waits until the subscriber makes room. */
    BLOCK,
    /**
     * For durable consumers that would rather stop than hold the fleet up: the subscription closes, and its next poll
     * throws {@link EventStreamFailedException} naming how far it fell behind.
     */
    FAIL
}
