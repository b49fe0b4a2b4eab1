package io.fleetdeck.index;

import io.fleetdeck.api.event.Change;
import io.fleetdeck.api.event.EventKind;
import io.fleetdeck.api.event.EventPump;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvent.ConnectivityChanged;
import io.fleetdeck.api.event.FleetEvent.GroupChanged;
import io.fleetdeck.api.event.FleetEvent.MembershipChanged;
import io.fleetdeck.api.event.FleetEvent.ShadowCommitted;
import io.fleetdeck.api.event.FleetEvent.ThingCreated;
import io.fleetdeck.api.event.FleetEvent.ThingDeleted;
import io.fleetdeck.api.event.FleetEvent.ThingSeen;
import io.fleetdeck.api.event.FleetEvent.ThingUpdated;
import io.fleetdeck.api.event.FleetEvents;
import io.fleetdeck.api.event.SubscriptionOptions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The fleet index following the fleet's events: a shadow commit, a connectivity change or a thing seen carries what the thing's
 * document needs and is written from the event; a registry change (the thing itself, a membership, a renamed group
 * it is in) marks the thing to be read from the store again. A durable subscriber: the index must see every change,
 * so a publisher waits when the index falls behind.
 */
public final class IndexFollower implements AutoCloseable {

    private final FleetIndex index;
    private final Function<String, List<String>> membersOfGroup;
    private final EventPump pump;

    private IndexFollower(FleetIndex index, FleetEvents events, Function<String, List<String>> membersOfGroup) {
        this.index = index;
        this.membersOfGroup = membersOfGroup;
        this.pump = EventPump.start(
                "fleet-index-follower",
                events.subscribe(SubscriptionOptions.durable(
                        "fleet index",
                        EventKind.THING_CREATED,
                        EventKind.THING_UPDATED,
                        EventKind.THING_DELETED,
                        EventKind.GROUP_CHANGED,
                        EventKind.MEMBERSHIP_CHANGED,
                        EventKind.SHADOW_COMMITTED,
                        EventKind.CONNECTIVITY_CHANGED,
                        EventKind.THING_SEEN)),
                this::follow);
    }

    /**
     * @param membersOfGroup the things directly in a static group: a renamed group changes its members' group names
     */
    public static IndexFollower start(
            FleetIndex index, FleetEvents events, Function<String, List<String>> membersOfGroup) {
        return new IndexFollower(index, events, membersOfGroup);
    }

    private void follow(List<FleetEvent> events) {
        Set<String> changed = new LinkedHashSet<>();
        for (FleetEvent event : events) {
            switch (event) {
                case ThingCreated created -> changed.add(created.thing());
                case ThingUpdated updated -> changed.add(updated.thing());
                case ThingDeleted deleted -> changed.add(deleted.thing());
                case MembershipChanged membership -> changed.add(membership.thing());
                case ShadowCommitted shadow -> index.shadowCommitted(shadow);
                case ConnectivityChanged connectivity -> index.connectivityChanged(connectivity);
                case ThingSeen seen -> index.thingSeen(seen);
                case GroupChanged group -> changed.addAll(renamedMembers(group));
                default -> {
                    // not a change of any thing's document
                }
            }
        }
        if (!changed.isEmpty()) {
            index.thingsChanged(changed);
        }
    }

    private List<String> renamedMembers(GroupChanged group) {
        String newName = group.newName();
        return group.change() == Change.RENAMED && newName != null ? membersOfGroup.apply(newName) : List.of();
    }

    /** Stops following; what the index was told already is still written. */
    @Override
    public void close() {
        pump.close();
    }
}
