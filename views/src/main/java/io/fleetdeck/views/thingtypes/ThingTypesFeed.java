package io.fleetdeck.views.thingtypes;

import io.fleetdeck.api.event.EventKind;
import io.fleetdeck.api.event.EventPump;
import io.fleetdeck.api.event.FleetEvents;
import io.fleetdeck.api.event.SubscriptionOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the thing types at start and again whenever the registry reports one made or changed, from any front end. */
public final class ThingTypesFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ThingTypesFeed.class);

    private final AutoCloseable subscription;

    public ThingTypesFeed(FleetEvents events, ThingTypesViewModel model) {
        subscription = EventPump.start(
                "thing-types-view-events",
                events.subscribe(SubscriptionOptions.forView("thing types view", EventKind.THING_TYPE_CHANGED)),
                batch -> model.reload());
        model.reload();
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            log.warn("Could not stop listening to the thing types", e);
        }
    }
}
