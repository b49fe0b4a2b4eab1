package io.fleetdeck.views.groups;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.InvalidQueryException;
import io.fleetdeck.api.error.InvalidRequestException;
import io.fleetdeck.api.error.ResourceAlreadyExistsException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.event.Change;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.groups.GroupService;
import io.fleetdeck.api.groups.ThingGroupSummary;
import io.fleetdeck.api.page.Page;
import io.fleetdeck.api.page.PageRequest;
import io.fleetdeck.views.testing.FakeEvents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Thing groups in memory, filed like the demo fleet: sites, their buildings, their floors, with attributes and
 * policies at each level and sensors on the floors. Refuses what the registry refuses in its words (seven levels at
 * most, names taken, groups that are not empty). Records every action. Thread-safe.
 */
final class FakeGroups implements GroupService {

    /** Each change is announced here as the registry announces it: a group changed. */
    final FakeEvents events = new FakeEvents();

    static final int MAX_DEPTH = 7;

    private record Group(String parent, Map<String, String> attributes, List<String> policies) {}

    private final Map<String, Group> groups = new LinkedHashMap<>();
    /** Thing name → its group (one hierarchy here, so one group per thing). */
    private final Map<String, String> memberships = new TreeMap<>();
    /** Dynamic group → its query; here a query {@code thingName:*text*} matches the things whose name has text. */
    private final Map<String, String> dynamicQueries = new LinkedHashMap<>();

    final List<String> actions = new CopyOnWriteArrayList<>();

    static FakeGroups demoSites() {
        FakeGroups fake = new FakeGroups();
        String[] sites = {"north-harbour", "east-quay", "west-yard"};
        for (String site : sites) {
            fake.put(
                    site,
                    null,
                    Map.of("region", site.equals("west-yard") ? "west" : "north-east", "timezone", "Europe/Oslo"),
                    List.of(site + "-telemetry"));
            for (int b = 1; b <= 3; b++) {
                String building = site + "-b" + b;
                Map<String, String> attributes = new HashMap<>();
                attributes.put("address", "Quay road " + (10 * b + site.length()));
                if (b == 3) {
                    attributes.put("timezone", "UTC");
                }
                fake.put(
                        building,
                        site,
                        attributes,
                        b == 2 && site.equals("north-harbour") ? List.of("cold-store-alarms") : List.of());
                for (int f = 1; f <= 4; f++) {
                    String floor = building + "-floor-" + f;
                    fake.put(
                            floor,
                            building,
                            Map.of("floor", String.valueOf(f)),
                            floor.equals("north-harbour-b3-floor-2") ? List.of("hvac-floor-controls") : List.of());
                    for (int t = 0; t < 3 + f * 2; t++) {
                        fake.memberships.put(
                                String.format(Locale.ROOT, "%s-b%d-f%d-sensor-%03d", site, b, f, t), floor);
                    }
                }
            }
        }
        fake.memberships.put(
                "north-harbour-b2-f3-cold-store-ambient-temperature-and-humidity-sensor-0007",
                "north-harbour-b2-floor-3");
        fake.put("quarantine", null, Map.of(), List.of("deny-all-but-shadow"));
        fake.memberships.put("west-yard-b1-f1-sensor-099", "quarantine");
        return fake;
    }

    static FakeGroups empty() {
        return new FakeGroups();
    }

    private void put(String name, String parent, Map<String, String> attributes, List<String> policies) {
        groups.put(name, new Group(parent, Map.copyOf(attributes), List.copyOf(policies)));
    }

    /** AttachPolicy to a group, as the certificates' service does it for the Groups view. */
    synchronized void attachPolicy(String policy, String group) throws FleetApiException {
        actions.add("attach " + policy + " to " + group);
        requireGroup(group);
        Group current = groups.get(group);
        List<String> policies = new java.util.ArrayList<>(current.policies());
        if (!policies.contains(policy)) {
            policies.add(policy);
        }
        groups.put(group, new Group(current.parent(), current.attributes(), List.copyOf(policies)));
        changed(group);
    }

    synchronized void detachPolicy(String policy, String group) throws FleetApiException {
        actions.add("detach " + policy + " from " + group);
        requireGroup(group);
        Group current = groups.get(group);
        List<String> policies = new java.util.ArrayList<>(current.policies());
        policies.remove(policy);
        groups.put(group, new Group(current.parent(), current.attributes(), List.copyOf(policies)));
        changed(group);
    }

    synchronized String groupOf(String thing) {
        return memberships.get(thing);
    }

    synchronized String parentOf(String group) {
        return groups.get(group).parent();
    }

    synchronized boolean exists(String group) {
        return groups.containsKey(group);
    }

    @Override
    public synchronized List<ThingGroupSummary> thingGroupHierarchy() {
        List<ThingGroupSummary> nodes = new ArrayList<>();
        groups.forEach((name, group) -> nodes.add(summary(name)));
        dynamicQueries.forEach((name, query) -> nodes.add(new ThingGroupSummary(
                name,
                List.of(),
                Map.of(),
                List.of(),
                dynamicMembers(query).size(),
                dynamicMembers(query).size(),
                query,
                "ACTIVE")));
        return nodes;
    }

    @Override
    public synchronized ThingGroupSummary createDynamicThingGroup(String name, String query) throws FleetApiException {
        actions.add("create dynamic " + name + " for " + query);
        checkName(name);
        if (!query.matches("thingName:\\*[a-z-]+\\*")) {
            throw new InvalidQueryException(
                    "expected a value after ':' at column " + (query.length() + 1) + ", found the end of the query",
                    query,
                    query.length());
        }
        dynamicQueries.put(name, query);
        changed(name);
        return thingGroupHierarchy().stream()
                .filter(group -> group.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Override
    public ThingGroupSummary updateDynamicThingGroup(String name, String queryString) {
        throw new UnsupportedOperationException("the Groups view does not change a dynamic group's query");
    }

    @Override
    public synchronized ThingGroupSummary describeThingGroup(String name) throws FleetApiException {
        requireGroup(name);
        return summary(name);
    }

    private ThingGroupSummary summary(String name) {
        Group group = groups.get(name);
        List<String> rootToParent = new ArrayList<>();
        for (String at = group.parent(); at != null; at = groups.get(at).parent()) {
            rootToParent.addFirst(at);
        }
        return new ThingGroupSummary(
                name, rootToParent, group.attributes(), group.policies(), direct(name), total(name));
    }

    private List<String> dynamicMembers(String query) {
        String needle = query.substring(query.indexOf(':') + 1).replace("*", "");
        return memberships.keySet().stream()
                .filter(thing -> thing.contains(needle))
                .toList();
    }

    @Override
    public synchronized Page<String> listThingsInThingGroup(String group, boolean recursive, PageRequest page)
            throws FleetApiException {
        if (dynamicQueries.containsKey(group)) {
            return Page.last(dynamicMembers(dynamicQueries.get(group)));
        }
        requireGroup(group);
        return Page.last(memberships.entrySet().stream()
                .filter(entry -> entry.getValue().equals(group))
                .map(Map.Entry::getKey)
                .toList());
    }

    @Override
    public synchronized ThingGroupSummary createThingGroup(String name, String parent) throws FleetApiException {
        actions.add("create " + name + " under " + parent);
        checkName(name);
        if (groups.containsKey(name)) {
            throw new ResourceAlreadyExistsException("thing group " + name + " already exists");
        }
        if (parent != null) {
            requireGroup(parent);
            if (depth(parent) + 1 > MAX_DEPTH) {
                throw new InvalidRequestException("thing groups nest at most " + MAX_DEPTH + " deep");
            }
        }
        put(name, parent, Map.of(), List.of());
        changed(name);
        return summary(name);
    }

    @Override
    public synchronized ThingGroupSummary updateThingGroupAttributes(String name, Map<String, String> attributes)
            throws FleetApiException {
        actions.add("set attributes of " + name + " to " + new TreeMap<>(attributes));
        requireGroup(name);
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (!attribute.getKey().matches("[a-zA-Z0-9_.,@/:#-]+")
                    || !attribute.getValue().matches("[a-zA-Z0-9_.,@/:#-]*")) {
                throw new InvalidRequestException("attribute " + attribute.getKey() + "=" + attribute.getValue()
                        + " has characters AWS does not allow");
            }
        }
        Group group = groups.get(name);
        groups.put(name, new Group(group.parent(), Map.copyOf(attributes), group.policies()));
        changed(name);
        return summary(name);
    }

    @Override
    public synchronized ThingGroupSummary renameThingGroup(String name, String newName) throws FleetApiException {
        actions.add("rename " + name + " to " + newName);
        requireGroup(name);
        checkName(newName);
        if (groups.containsKey(newName)) {
            throw new ResourceAlreadyExistsException("thing group " + newName + " already exists");
        }
        Map<String, Group> renamed = new LinkedHashMap<>();
        groups.forEach((key, group) -> renamed.put(
                key.equals(name) ? newName : key,
                name.equals(group.parent()) ? new Group(newName, group.attributes(), group.policies()) : group));
        groups.clear();
        groups.putAll(renamed);
        memberships.replaceAll((thing, group) -> group.equals(name) ? newName : group);
        changed(name);
        return summary(newName);
    }

    @Override
    public synchronized void deleteThingGroup(String name) throws FleetApiException {
        actions.add("delete " + name);
        requireGroup(name);
        long children = groups.values().stream()
                .filter(group -> name.equals(group.parent()))
                .count();
        if (children > 0 || direct(name) > 0) {
            throw new InvalidRequestException("thing group " + name + " is not empty: it has " + children
                    + " child groups and " + direct(name) + " things");
        }
        groups.remove(name);
        changed(name);
    }

    @Override
    public synchronized ThingGroupSummary moveThingGroup(String name, String newParent) throws FleetApiException {
        actions.add("move group " + name + " under " + newParent);
        requireGroup(name);
        if (newParent != null) {
            requireGroup(newParent);
            if (depth(newParent) + height(name) > MAX_DEPTH) {
                throw new InvalidRequestException("thing groups nest at most " + MAX_DEPTH + " deep");
            }
        }
        Group group = groups.get(name);
        groups.put(name, new Group(newParent, group.attributes(), group.policies()));
        changed(name);
        return summary(name);
    }

    @Override
    public synchronized void moveThing(String thingName, String fromGroup, String toGroup) throws FleetApiException {
        actions.add("move thing " + thingName + " from " + fromGroup + " to " + toGroup);
        requireGroup(toGroup);
        if (!Objects.equals(memberships.get(thingName), fromGroup)) {
            throw new InvalidRequestException(thingName + " is not in " + fromGroup);
        }
        memberships.put(thingName, toGroup);
        changed(toGroup);
    }

    private void changed(String group) {
        events.publish(new FleetEvent.GroupChanged(group, Change.UPDATED));
    }

    private int direct(String group) {
        return (int) memberships.values().stream().filter(group::equals).count();
    }

    private int total(String group) {
        int count = direct(group);
        for (Map.Entry<String, Group> child : groups.entrySet()) {
            if (group.equals(child.getValue().parent())) {
                count += total(child.getKey());
            }
        }
        return count;
    }

    private int depth(String group) {
        int depth = 1;
        for (String at = groups.get(group).parent();
                at != null;
                at = groups.get(at).parent()) {
            depth++;
        }
        return depth;
    }

    /** Levels from {@code group} down to its deepest subgroup, itself included. */
    private int height(String group) {
        int deepest = 0;
        for (Map.Entry<String, Group> child : groups.entrySet()) {
            if (group.equals(child.getValue().parent())) {
                deepest = Math.max(deepest, height(child.getKey()));
            }
        }
        return deepest + 1;
    }

    private void requireGroup(String name) throws FleetApiException {
        if (!groups.containsKey(name)) {
            throw new ResourceNotFoundException("no thing group named " + name);
        }
    }

    private static void checkName(String name) throws FleetApiException {
        if (!name.matches("[a-zA-Z0-9:_-]{1,128}")) {
            throw new InvalidRequestException(
                    "a thing group name is 1-128 characters of letters, digits and :_-, was \"" + name + "\"");
        }
    }
}
