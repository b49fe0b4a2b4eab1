package io.fleetdeck.fleet.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.api.event.Change;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvent.GroupChanged;
import io.fleetdeck.api.event.FleetEvent.HierarchyChanged;
import io.fleetdeck.api.event.FleetEvent.MembershipChanged;
import io.fleetdeck.api.event.FleetEvent.ThingCreated;
import io.fleetdeck.api.event.FleetEvent.ThingDeleted;
import io.fleetdeck.api.event.FleetEvent.ThingTypeChanged;
import io.fleetdeck.api.event.FleetEvent.ThingUpdated;
import io.fleetdeck.fleet.events.FleetEventSink;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Registry changes as AWS IoT publishes them on {@code $aws/events/...} (AWS-IOT-BEHAVIOUR §4.4), with AWS's payload
 * fields. Ids are stable UUIDs derived from the names, since one local account has no other source for them. A group
 * renamed in the console is told as AWS would show it: the old group deleted, a new one created with the members.
 */
public final class RegistryEventPublisher implements FleetEventSink {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "000000000000";

    private final Registry registry;
    private final BiConsumer<String, byte[]> publish;
    private final Clock clock;

    public RegistryEventPublisher(Registry registry, BiConsumer<String, byte[]> publish, Clock clock) {
        this.registry = registry;
        this.publish = publish;
        this.clock = clock;
    }

    @Override
    public void publish(FleetEvent event) {
        switch (event) {
            case ThingCreated created -> thing(created.thing(), Change.CREATED.operation());
            case ThingUpdated updated -> thing(updated.thing(), Change.UPDATED.operation());
            case ThingDeleted deleted -> thing(deleted.thing(), Change.DELETED.operation());
            case GroupChanged group -> thingGroup(group);
            case ThingTypeChanged type ->
                thingType(type.thingType(), type.change().operation());
            case MembershipChanged membership ->
                membership(membership.group(), membership.thing(), addedOrRemoved(membership.added()));
            case HierarchyChanged hierarchy ->
                hierarchy(hierarchy.parent(), hierarchy.child(), addedOrRemoved(hierarchy.added()));
            default -> {
                // shadows, connectivity, certificates and the index have topics of their own, or none
            }
        }
    }

    private static String addedOrRemoved(boolean added) {
        return added ? "added" : "removed";
    }

    private void thing(String name, String change) {
        ObjectNode payload = base("THING_EVENT", change);
        payload.put("thingId", id("thing", name));
        payload.put("thingName", name);
        Optional<Thing> thing = registry.thing(name);
        thing.ifPresent(t -> {
            payload.put("versionNumber", t.version());
            payload.put("thingTypeName", t.thingType());
            payload.set("attributes", JSON.valueToTree(t.attributes()));
        });
        send("$aws/events/thing/" + name + "/" + change, payload);
        String type = thing.map(Thing::thingType).orElse(null);
        if (change.equals("created") && type != null) {
            typeAssociation(name, type);
        }
    }

    private void typeAssociation(String thing, String type) {
        ObjectNode payload = base("THING_TYPE_ASSOCIATION_EVENT", "added");
        payload.put("thingId", id("thing", thing));
        payload.put("thingName", thing);
        payload.put("thingTypeName", type);
        send("$aws/events/thingTypeAssociation/thing/" + thing + "/" + type, payload);
    }

    private void thingGroup(GroupChanged event) {
        String newName = event.newName();
        if (event.change() == Change.RENAMED && newName != null) {
            groupEvent(event.group(), Change.DELETED.operation());
            groupEvent(newName, Change.CREATED.operation());
            registry.thingsInGroup(newName, false).forEach(thing -> membership(newName, thing, "added"));
            return;
        }
        groupEvent(event.group(), event.change().operation());
    }

    private void groupEvent(String name, String change) {
        ObjectNode payload = base("THING_GROUP_EVENT", change);
        payload.put("thingGroupId", id("thingGroup", name));
        payload.put("thingGroupName", name);
        registry.thingGroup(name).ifPresent(group -> {
            payload.put("versionNumber", group.version());
            payload.put("parentGroupName", group.parent());
            payload.put("parentGroupId", group.parent() == null ? null : id("thingGroup", group.parent()));
            payload.set("rootToParentThingGroups", rootToParent(group.rootToParent()));
            payload.set("attributes", JSON.valueToTree(group.attributes()));
        });
        send("$aws/events/thingGroup/" + name + "/" + change, payload);
    }

    private ArrayNode rootToParent(List<String> groups) {
        ArrayNode array = JSON.createArrayNode();
        groups.forEach(group -> array.add(JSON.createObjectNode()
                .put("groupArn", arn("thinggroup", group))
                .put("groupId", id("thingGroup", group))));
        return array;
    }

    private void thingType(String name, String change) {
        ObjectNode payload = base("THING_TYPE_EVENT", change);
        payload.put("thingTypeId", id("thingType", name));
        payload.put("thingTypeName", name);
        send("$aws/events/thingType/" + name + "/" + change, payload);
    }

    private void membership(String group, String thing, String change) {
        ObjectNode payload = base("THING_GROUP_MEMBERSHIP_EVENT", change);
        payload.put("groupArn", arn("thinggroup", group));
        payload.put("groupId", id("thingGroup", group));
        payload.put("thingArn", arn("thing", thing));
        payload.put("thingId", id("thing", thing));
        payload.put("membershipId", id("membership", group + "/" + thing));
        send("$aws/events/thingGroupMembership/thingGroup/" + group + "/thing/" + thing + "/" + change, payload);
    }

    private void hierarchy(String parent, String child, String change) {
        ObjectNode payload = base("THING_GROUP_HIERARCHY_EVENT", change);
        payload.put("thingGroupId", id("thingGroup", parent));
        payload.put("thingGroupName", parent);
        payload.put("childGroupId", id("thingGroup", child));
        payload.put("childGroupName", child);
        send(
                "$aws/events/thingGroupHierarchy/thingGroup/" + parent + "/childThingGroup/" + child + "/" + change,
                payload);
    }

    private ObjectNode base(String eventType, String change) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("eventType", eventType);
        payload.put("eventId", UUID.randomUUID().toString());
        payload.put("timestamp", clock.millis());
        payload.put("operation", change.toUpperCase(Locale.ROOT));
        payload.put("accountId", ACCOUNT);
        return payload;
    }

    private void send(String topic, ObjectNode payload) {
        publish.accept(topic, payload.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String id(String kind, String name) {
        return UUID.nameUUIDFromBytes((kind + ":" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String arn(String kind, String name) {
        return "arn:aws:iot:local:" + ACCOUNT + ":" + kind + "/" + name;
    }
}
