package io.fleetdeck.index;

import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvent.IndexRebuilt;
import io.fleetdeck.api.event.FleetEvent.ThingIndexed;
import io.fleetdeck.fleet.events.FleetEventSink;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the index wrote, told as fleet events ({@code ThingIndexed} per thing, {@code IndexRebuilt}): the views follow
 * these, not the store, so a row is read again only once a search would find the thing as it is now.
 */
public final class IndexAnnouncements implements FleetIndex.IndexListener {

    private final FleetEventSink events;

    public IndexAnnouncements(FleetEventSink events) {
        this.events = events;
    }

    @Override
    public void indexed(Collection<String> thingNames) {
        List<FleetEvent> indexed = new ArrayList<>(thingNames.size());
        thingNames.forEach(thing -> indexed.add(new ThingIndexed(thing)));
        events.publishAll(indexed);
    }

    @Override
    public void rebuilt(long things) {
        events.publish(new IndexRebuilt(things));
    }
}
