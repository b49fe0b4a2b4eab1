package io.fleetdeck.views.groups;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the Groups view reads from and asks of the registry's thing groups, in the view's own terms; the
 * application implements it over the registry and the group policies. Called on background threads, never the JavaFX
 * thread. Every action the registry refuses throws {@link GroupActionException} with the registry's own words (e.g.
 * the seven-level depth limit, a group that still has members).
 */
public interface GroupDirectory {

    /** Every thing group, static and dynamic, in any order. */
    List<GroupNode> groups();

    /** The things directly in {@code group}, sorted by name. */
    List<String> members(String group) throws GroupActionException;

    /** Creates an empty group under {@code parent}, or at the top when {@code parent} is null. */
    void create(String name, @Nullable String parent) throws GroupActionException;

    /**
     * Creates a dynamic group whose members are the things {@code query} matches (AWS Fleet Indexing syntax); a
     * malformed query is refused with where it goes wrong.
     */
    default void createDynamic(String name, String query) throws GroupActionException {
        throw new GroupActionException("dynamic groups need the fleet index, which this console has not started");
    }

    void rename(String name, String newName) throws GroupActionException;

    void delete(String name) throws GroupActionException;

    /** Moves {@code name} with its subgroups and members under {@code newParent}, or to the top when it is null. */
    void moveGroup(String name, @Nullable String newParent) throws GroupActionException;

    /**
     * Moves a thing from {@code fromGroup} (null when it came from no group) into {@code toGroup}; a thing is in at
     * most one group of a hierarchy (AWS-IOT-BEHAVIOUR §4.3), so this is one step, not an add and a remove.
     */
    void moveThing(String thingName, @Nullable String fromGroup, String toGroup) throws GroupActionException;

    /** Calls {@code changed} on any thread after groups or memberships changed; closing the handle stops it. */
    AutoCloseable onChange(Runnable changed);
}
