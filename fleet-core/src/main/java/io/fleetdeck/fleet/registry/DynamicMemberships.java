package io.fleetdeck.fleet.registry;

import static io.fleetdeck.fleet.store.Jdbc.query;
import static io.fleetdeck.fleet.store.Jdbc.update;

import io.fleetdeck.fleet.registry.DynamicMembershipChange.Membership;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Dynamic group memberships in the store (migration V6), within the caller's transaction. A thing is in at most
 * {@code maxGroupsPerThing} groups, static and dynamic together; when it qualifies for one more dynamic group, the
 * older group wins a place over a newer one (AWS-IOT-BEHAVIOUR §3.5).
 */
final class DynamicMemberships {

    private final int maxGroupsPerThing;

    DynamicMemberships(int maxGroupsPerThing) {
        this.maxGroupsPerThing = maxGroupsPerThing;
    }

    /** The groups a thing is in, static and dynamic. */
    int count(Connection c, String thing) throws SQLException {
        return query(
                        c,
                        "SELECT (SELECT COUNT(*) FROM thing_group_member WHERE thing_name = ?)"
                                + " + (SELECT COUNT(*) FROM dynamic_group_member WHERE thing_name = ?)",
                        row -> row.getInt(1),
                        thing,
                        thing)
                .getFirst();
    }

    DynamicMembershipChange change(Connection c, String group, Collection<String> entering, Collection<String> leaving)
            throws SQLException {
        List<Membership> removed = new ArrayList<>();
        for (String thing : leaving) {
            if (update(c, "DELETE FROM dynamic_group_member WHERE group_name = ? AND thing_name = ?", group, thing)
                    > 0) {
                removed.add(new Membership(group, thing));
            }
        }
        long createdAt = createdAt(c, group);
        List<String> added = new ArrayList<>();
        int refused = 0;
        for (String thing : entering) {
            if (isMemberOrGone(c, group, thing)) {
                continue;
            }
            if (count(c, thing) >= maxGroupsPerThing) {
                String evicted = leaveNewestDynamicGroup(c, thing, createdAt, group);
                if (evicted == null) {
                    refused++;
                    continue;
                }
                removed.add(new Membership(evicted, thing));
            }
            update(c, "INSERT INTO dynamic_group_member (group_name, thing_name) VALUES (?, ?)", group, thing);
            added.add(thing);
        }
        return new DynamicMembershipChange(added, removed, refused);
    }

    /**
     * Takes the thing out of its newest dynamic group created after ({@code createdAt}, {@code name}); returns that
     * group, or null when it is in none.
     */
    @Nullable String leaveNewestDynamicGroup(Connection c, String thing, long createdAt, String name) throws SQLException {
        List<String> newer = query(
                c,
                "SELECT g.name FROM dynamic_group_member m JOIN thing_group g ON g.name = m.group_name"
                        + " WHERE m.thing_name = ? AND (g.created_at > ? OR (g.created_at = ? AND g.name > ?))"
                        + " ORDER BY g.created_at DESC, g.name DESC",
                row -> row.getString(1),
                thing,
                createdAt,
                createdAt,
                name);
        if (newer.isEmpty()) {
            return null;
        }
        update(c, "DELETE FROM dynamic_group_member WHERE group_name = ? AND thing_name = ?", newer.getFirst(), thing);
        return newer.getFirst();
    }

    /** Any dynamic group gives way to a static add that overrides dynamic groups. */
    @Nullable String leaveNewestDynamicGroup(Connection c, String thing) throws SQLException {
        return leaveNewestDynamicGroup(c, thing, Long.MIN_VALUE, "");
    }

    private static long createdAt(Connection c, String group) throws SQLException {
        return query(c, "SELECT created_at FROM thing_group WHERE name = ?", row -> row.getLong(1), group)
                .getFirst();
    }

    /** True when the thing is in the group already, or no longer in the registry. */
    private static boolean isMemberOrGone(Connection c, String group, String thing) throws SQLException {
        return query(
                                c,
                                "SELECT (SELECT COUNT(*) FROM dynamic_group_member WHERE group_name = ? AND thing_name = ?)"
                                        + " + (1 - (SELECT COUNT(*) FROM thing WHERE name = ?))",
                                row -> row.getInt(1),
                                group,
                                thing,
                                thing)
                        .getFirst()
                > 0;
    }
}
