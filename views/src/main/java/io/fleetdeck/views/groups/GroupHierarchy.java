package io.fleetdeck.views.groups;

import io.fleetdeck.api.groups.ThingGroupSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The static groups as a forest: each group's children, its ancestors, and what it gets from them. Policies attached
 * to an ancestor apply to the things below it; attributes are not inherited (AWS-IOT-BEHAVIOUR §4.3), the view shows
 * an ancestor's only for reference and says so. Immutable once built.
 */
public final class GroupHierarchy {

    private static final Comparator<ThingGroupSummary> BY_NAME = Comparator.comparing(
                    ThingGroupSummary::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(ThingGroupSummary::name);

    private final Map<String, ThingGroupSummary> byName = new LinkedHashMap<>();
    private final Map<String, List<ThingGroupSummary>> children = new HashMap<>();
    private final List<ThingGroupSummary> roots = new ArrayList<>();

    /**
     * One attribute or policy as the selected group gets it.
     *
     * @param from the group it is attached to: the selected group itself, or the ancestor it comes from
     * @param inherited whether it comes from an ancestor
     * @param overridden an ancestor's attribute that a nearer group (or the group itself) sets again
     */
    public record Entry(String name, @Nullable String value, String from, boolean inherited, boolean overridden) {}

    public GroupHierarchy(List<ThingGroupSummary> groups) {
        for (ThingGroupSummary group : groups) {
            byName.put(group.name(), group);
        }
        for (ThingGroupSummary group : groups) {
            // a group whose parent is unknown (read mid-change) shows at the top rather than not at all
            if (group.parent() == null || !byName.containsKey(group.parent())) {
                roots.add(group);
            } else {
                children.computeIfAbsent(group.parent(), p -> new ArrayList<>()).add(group);
            }
        }
        roots.sort(BY_NAME);
        children.values().forEach(list -> list.sort(BY_NAME));
    }

    public static GroupHierarchy empty() {
        return new GroupHierarchy(List.of());
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    public int size() {
        return byName.size();
    }

    public List<ThingGroupSummary> roots() {
        return List.copyOf(roots);
    }

    public List<ThingGroupSummary> children(String group) {
        return List.copyOf(children.getOrDefault(group, List.of()));
    }

    public @Nullable ThingGroupSummary group(@Nullable String name) {
        return name == null ? null : byName.get(name);
    }

    /** The ancestors of {@code group}, its parent first, up to the top; a loop in bad data stops the walk. */
    public List<ThingGroupSummary> ancestors(String group) {
        List<ThingGroupSummary> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ThingGroupSummary at = byName.get(group);
        while (at != null && at.parent() != null && seen.add(at.name())) {
            at = byName.get(at.parent());
            if (at != null) {
                chain.add(at);
            }
        }
        return chain;
    }

    /** Whether {@code group} is {@code ancestor} or below it. */
    public boolean isWithin(String group, String ancestor) {
        if (group.equals(ancestor)) {
            return true;
        }
        return ancestors(group).stream().anyMatch(a -> a.name().equals(ancestor));
    }

    /** How deep {@code group} sits: 1 at the top. */
    public int depth(String group) {
        return ancestors(group).size() + 1;
    }

    /** The group's own attributes, then its ancestors' nearest first; one that a nearer group sets again is marked. */
    public List<Entry> attributes(String group) {
        List<Entry> entries = new ArrayList<>();
        ThingGroupSummary own = byName.get(group);
        if (own == null) {
            return entries;
        }
        Set<String> set = new HashSet<>(own.attributes().keySet());
        own.attributes().forEach((name, value) -> entries.add(new Entry(name, value, group, false, false)));
        for (ThingGroupSummary ancestor : ancestors(group)) {
            ancestor.attributes()
                    .forEach((name, value) ->
                            entries.add(new Entry(name, value, ancestor.name(), true, set.contains(name))));
            set.addAll(ancestor.attributes().keySet());
        }
        return entries;
    }

    /** The policies attached to the group, then those of its ancestors, which apply to its things too. */
    public List<Entry> policies(String group) {
        List<Entry> entries = new ArrayList<>();
        ThingGroupSummary own = byName.get(group);
        if (own == null) {
            return entries;
        }
        own.policies().forEach(policy -> entries.add(new Entry(policy, null, group, false, false)));
        for (ThingGroupSummary ancestor : ancestors(group)) {
            ancestor.policies().forEach(policy -> entries.add(new Entry(policy, null, ancestor.name(), true, false)));
        }
        return entries;
    }
}
