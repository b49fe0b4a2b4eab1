package io.fleetdeck.api.event;

/** Where fleet events can be subscribed to: the fleet in this process, or one reached over the network. */
public interface FleetEvents {

    /** A new subscription; it hears of events committed from now on. */
    EventSubscription subscribe(SubscriptionOptions options);
}
