package io.fleetdeck.index;

import io.fleetdeck.api.event.EventKind;
import io.fleetdeck.api.event.EventSubscription;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvents;
import io.fleetdeck.api.event.SubscriptionOptions;
import io.fleetdeck.fleet.registry.DynamicMembershipChange;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.registry.RegistryException;
import io.fleetdeck.fleet.registry.ThingGroup;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dynamic thing groups (AWS-IOT-BEHAVIOUR §3.5): a group whose members are the things its query matches, kept so as
 * the index changes. The registry stores the groups and their members and says what changed; this class evaluates
 * the queries, on one thread of its own: a new or changed query over the whole index ({@code BUILDING} or
 * {@code REBUILDING}, then {@code ACTIVE}), afterwards only the things each index refresh wrote. The index lists
 * dynamic groups in {@code thingGroupNames} as AWS does, but a group's query sees static groups only
 * ({@link FleetQuery#forDynamicGroup}), so no group's membership can feed on its own or another dynamic group's.
 */
public final class DynamicThingGroups implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DynamicThingGroups.class);

    private static final int SLICE = 500;

    private final Registry registry;
    private final FleetIndex index;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("dynamic-groups").factory());
    private final Set<String> changedThings = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean evaluationQueued = new AtomicBoolean();
    private final AtomicLong failedAdds = new AtomicLong();
    /* worker thread only: each dynamic group's parsed query and members, as last written to the registry */
    private final Map<String, Evaluated> groups = new LinkedHashMap<>(); // oldest first, as they have priority
    private volatile boolean groupsChanged = true;
    /** Groups created, re-queried or deleted: read on the worker before the groups are used. */
    private final EventSubscription groupChanges;

    private record Evaluated(String queryString, FleetQuery query, Set<String> members) {}

    private DynamicThingGroups(Registry registry, FleetIndex index, FleetEvents events) {
        this.registry = registry;
        this.index = index;
        this.groupChanges = events.subscribe(SubscriptionOptions.forView("dynamic groups", EventKind.GROUP_CHANGED));
    }

    /**
     * Follows the index from now on, after bringing every dynamic group up to date with it (the index may have been
     * rebuilt, or things changed while no instance ran).
     */
    public static DynamicThingGroups start(Registry registry, FleetIndex index, FleetEvents events) {
        DynamicThingGroups dynamicGroups = new DynamicThingGroups(registry, index, events);
        index.onIndexed(new FleetIndex.IndexListener() {
            @Override
            public void indexed(Collection<String> thingNames) {
                dynamicGroups.thingsIndexed(thingNames);
            }

            @Override
            public void rebuilt(long things) {
                dynamicGroups.whileOpen(dynamicGroups::buildAll);
            }
        });
        dynamicGroups.worker.execute(dynamicGroups::buildAll);
        return dynamicGroups;
    }

    /**
     * CreateDynamicThingGroup: the group exists at once, {@code BUILDING}; its members follow shortly.
     *
     * @throws QueryException when the query is not one the index can run (the group is not created)
     */
    public ThingGroup create(String name, String queryString, Map<String, String> attributes)
            throws RegistryException, QueryException {
        FleetQuery.parse(queryString);
        ThingGroup created = registry.createDynamicThingGroup(name, queryString, FleetQuery.QUERY_VERSION, attributes);
        worker.execute(() -> build(name));
        return created;
    }

    /** UpdateDynamicThingGroup with a new query: {@code REBUILDING} until the members are chosen again. */
    public ThingGroup changeQuery(String name, String queryString) throws RegistryException, QueryException {
        FleetQuery.parse(queryString);
        ThingGroup updated = registry.updateDynamicThingGroupQuery(name, queryString);
        worker.execute(() -> build(name));
        return updated;
    }

    /** Things that matched a dynamic group but were in ten groups already ({@code AddThingToDynamicThingGroupsFailed}). */
    public long addThingToDynamicThingGroupsFailed() {
        return failedAdds.get();
    }

    /**
     * Waits until every change heard so far is applied to the groups: for a command that creates a group and ends, and
     * for tests.
     */
    public void awaitQuiet(long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        try {
            worker.submit(() -> {}).get(timeout, unit);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private void thingsIndexed(Collection<String> thingNames) {
        changedThings.addAll(thingNames);
        if (evaluationQueued.compareAndSet(false, true)) {
            whileOpen(this::evaluateChangedThings);
        }
    }

    /** The index and the registry keep their listeners; a closed instance no longer acts on what they say. */
    private void whileOpen(Runnable work) {
        if (!worker.isShutdown()) {
            try {
                worker.execute(work);
            } catch (RejectedExecutionException closedMeanwhile) {
                log.debug("Dynamic thing groups closed; {} not done", work);
            }
        }
    }

    /** Every dynamic group over the whole index, and {@code ACTIVE} when done. */
    private void buildAll() {
        groupsChanged = true;
        refreshGroups();
        List.copyOf(groups.keySet()).forEach(this::build);
    }

    private void build(String name) {
        try {
            refreshGroups();
            Evaluated group = groups.get(name);
            if (group == null) {
                return;
            }
            Set<String> matching = new HashSet<>(index.allMatching(group.query()));
            Set<String> leaving = new HashSet<>(group.members());
            leaving.removeAll(matching);
            matching.removeAll(group.members());
            apply(name, matching, leaving);
            registry.dynamicGroupBuilt(name, group.queryString());
        } catch (RuntimeException e) {
            log.error("Dynamic thing group {} could not be evaluated; it is tried again at the next start", name, e);
        }
    }

    /** Only the things the index wrote since the last round, for each group. */
    private void evaluateChangedThings() {
        evaluationQueued.set(false);
        List<String> things = List.copyOf(changedThings);
        changedThings.removeAll(things);
        try {
            refreshGroups();
            for (String name : List.copyOf(groups.keySet())) {
                Evaluated group = groups.get(name);
                if (group == null) {
                    continue;
                }
                Set<String> matching = index.matchingAmong(group.query(), things);
                Set<String> entering = new HashSet<>(matching);
                entering.removeAll(group.members());
                Set<String> leaving = new HashSet<>();
                for (String thing : things) {
                    if (group.members().contains(thing) && !matching.contains(thing)) {
                        leaving.add(thing);
                    }
                }
                apply(name, entering, leaving);
            }
        } catch (RuntimeException e) {
            log.error("Dynamic thing groups could not follow {} changed things", things.size(), e);
        }
    }

    /**
     * Writes the change in slices of {@value #SLICE} things, each its own transaction: a group that gains 100,000 things
     * must not hold the store's one writer (and every device's shadow update) for the whole of it.
     */
    private void apply(String name, Set<String> entering, Set<String> leaving) {
        List<String> leavingList = List.copyOf(leaving);
        for (int from = 0; from < leavingList.size(); from += SLICE) {
            applySlice(name, List.of(), leavingList.subList(from, Math.min(leavingList.size(), from + SLICE)));
        }
        List<String> enteringList = entering.stream().sorted().toList();
        for (int from = 0; from < enteringList.size(); from += SLICE) {
            applySlice(name, enteringList.subList(from, Math.min(enteringList.size(), from + SLICE)), List.of());
        }
    }

    private void applySlice(String name, List<String> entering, List<String> leaving) {
        DynamicMembershipChange change = registry.changeDynamicMembership(name, entering, leaving);
        Evaluated group = groups.get(name);
        if (group == null) {
            return; // deleted meanwhile: its memberships went with it
        }
        group.members().addAll(change.added());
        change.removed().forEach(left -> {
            Evaluated from = groups.get(left.group());
            if (from != null) {
                from.members().remove(left.thing());
            }
        });
        if (change.refused() > 0) {
            failedAdds.addAndGet(change.refused());
            log.warn("{} things match dynamic thing group {} but are in ten groups already", change.refused(), name);
        }
    }

    private boolean groupsChangedSinceRead() {
        boolean changed = false;
        try {
            for (List<FleetEvent> batch = groupChanges.poll(Duration.ZERO, 1_024);
                    !batch.isEmpty();
                    batch = groupChanges.poll(Duration.ZERO, 1_024)) {
                changed = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            changed = true;
        } catch (IllegalStateException closed) {
            // closing: the groups are not read again
        }
        return changed;
    }

    /** Reads the dynamic groups again after the registry said a group changed (created, re-queried, deleted). */
    private void refreshGroups() {
        if (!groupsChanged && !groupsChangedSinceRead()) {
            return;
        }
        groupsChanged = false;
        Map<String, Evaluated> current = new LinkedHashMap<>();
        for (ThingGroup group : registry.dynamicThingGroups()) {
            ThingGroup.DynamicMembership dynamic = group.dynamic();
            if (dynamic == null) {
                continue; // dynamicThingGroups() gives only dynamic ones
            }
            String queryString = dynamic.queryString();
            Evaluated known = groups.get(group.name());
            if (known != null && known.queryString().equals(queryString)) {
                current.put(group.name(), known);
                continue;
            }
            try {
                current.put(
                        group.name(),
                        new Evaluated(
                                queryString,
                                FleetQuery.parse(queryString).forDynamicGroup(),
                                new HashSet<>(registry.thingsInGroup(group.name(), false))));
            } catch (QueryException e) {
                log.error("Dynamic thing group {} has a query the index cannot run: {}", group.name(), e.getMessage());
            }
        }
        groups.clear();
        groups.putAll(current);
    }

    @Override
    public void close() {
        groupChanges.close();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("Dynamic thing groups were still being evaluated after 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
