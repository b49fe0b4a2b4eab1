package io.fleetdeck.fleet.registry;

import java.util.List;

/**
 * What one re-evaluation of a dynamic group changed: the things that joined it, the memberships that ended (things
 * that stopped matching, and things that left a newer dynamic group to make room), and how many matching things could
 * not join because they are in ten groups already.
 */
public record DynamicMembershipChange(List<String> added, List<Membership> removed, int refused) {

    public static final DynamicMembershipChange NONE = new DynamicMembershipChange(List.of(), List.of(), 0);

    public DynamicMembershipChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** A thing in a group. */
    public record Membership(String group, String thing) {}
}
