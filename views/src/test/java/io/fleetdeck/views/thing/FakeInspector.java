package io.fleetdeck.views.thing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.error.ShadowRejectedException;
import io.fleetdeck.api.error.VersionConflictException;
import io.fleetdeck.api.page.Page;
import io.fleetdeck.api.page.PageRequest;
import io.fleetdeck.api.shadows.ShadowDocument;
import io.fleetdeck.api.shadows.ShadowService;
import io.fleetdeck.api.shadows.ShadowWithoutAThing;
import io.fleetdeck.api.things.NewThing;
import io.fleetdeck.api.things.ThingChange;
import io.fleetdeck.api.things.ThingDescription;
import io.fleetdeck.api.things.ThingDetail;
import io.fleetdeck.api.things.ThingService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One thing with a classic and a named shadow in memory, answering as the shadow service does for what the Thing view
 * uses: merge with null deletion, metadata timestamps per leaf, the delta, optimistic locking (409 Version conflict)
 * and a history of versions. Thread-safe.
 */
public final class FakeInspector implements ThingService, ShadowService {

    public static final Instant NOW = Instant.parse("2026-11-26T14:30:00Z");
    public static final String THING = "north-harbour-b2-f3-cold-store-ambient-temperature-and-humidity-sensor-0007";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Shadow> shadows = new HashMap<>();
    final List<String> updates = new CopyOnWriteArrayList<>();
    volatile ShadowRejectedException nextRejection;
    /** What the broker last said of the thing's connection. */
    volatile ThingDetail.Connectivity connectivity = new ThingDetail.Connectivity(true, NOW.minusSeconds(5_400), null);
    /** Whether every thing name is this sensor, for views that open things picked from a fake fleet. */
    private volatile boolean anyName;

    private long clock = NOW.getEpochSecond() - 3_600;

    /** A temperature sensor whose classic shadow waits for two fields and whose named shadow is in sync. */
    public static FakeInspector coldStoreSensor() {
        FakeInspector inspector = new FakeInspector();
        inspector.seed(
                "",
                "{\"state\":{\"reported\":{\"temperature\":3.9,\"humidity\":71,\"door\":\"closed\","
                        + "\"config\":{\"interval\":60,\"unit\":\"C\"},\"firmware\":\"1.9.7\"}}}");
        inspector.seed("", "{\"state\":{\"desired\":{\"config\":{\"interval\":60,\"unit\":\"C\"}}}}");
        inspector.seed("", "{\"state\":{\"reported\":{\"temperature\":4.1,\"humidity\":70}}}");
        inspector.seed(
                "",
                "{\"state\":{\"desired\":{\"config\":{\"interval\":30,\"alarmAbove\":8.0},"
                        + "\"led\":\"blink\",\"thresholds\":[2,8]}}}");
        inspector.seed("config", "{\"state\":{\"desired\":{\"mode\":\"eco\"},\"reported\":{\"mode\":\"eco\"}}}");
        return inspector;
    }

    /** Answers for any thing name with this sensor's registry entry and shadows. */
    public static FakeInspector anyThing() {
        FakeInspector inspector = coldStoreSensor();
        inspector.anyName = true;
        return inspector;
    }

    /** The registry entry's attributes and version, as UpdateThing leaves them. */
    private final Map<String, String> attributes = new HashMap<>(Map.of(
            "firmwareVersion", "1.9.7",
            "site", "north-harbour",
            "building", "b2",
            "floor", "3",
            "serialNumber", "CS-7741-0007-A"));

    private long registryVersion = 4;
    final List<ThingChange> thingChanges = new CopyOnWriteArrayList<>();

    synchronized ThingDetail thing(String name) {
        return new ThingDetail(
                name,
                "temperature-sensor",
                registryVersion,
                Map.copyOf(attributes),
                List.of("north-harbour-b2-floor-3"),
                List.of(
                        new ThingDetail.Certificate(
                                "3f2a9bc81d22e07a55c1f0f8d5c7c6ad0b3a39d2a4e1f35e86d0c4be5a1f9e21", "ACTIVE"),
                        new ThingDetail.Certificate(
                                "a09c41e7b2d84c3f9e16b0d2e6a7f5c3d1b8e4a2c6f0d9b7e5a3c1f8d6b4a2e0", "REVOKED")),
                connectivity,
                List.of("", "config"));
    }

    @Override
    public ThingDetail inspectThing(String thingName) throws FleetApiException {
        if (!anyName && !thingName.equals(THING)) {
            throw new ResourceNotFoundException("Thing " + thingName + " does not exist");
        }
        return thing(thingName);
    }

    @Override
    public synchronized ShadowDocument getThingShadow(String thingName, String shadowName)
            throws ShadowRejectedException {
        Shadow shadow = shadows.get(shadowName);
        if (shadow == null) {
            throw new ShadowRejectedException(404, "No shadow exists with name: '" + thingName + "'");
        }
        return shadow.get();
    }

    @Override
    public synchronized ShadowDocument updateThingShadow(String thingName, String shadowName, String updateJson)
            throws ShadowRejectedException {
        updates.add(updateJson);
        ShadowRejectedException rejection = nextRejection;
        if (rejection != null) {
            nextRejection = null;
            throw rejection;
        }
        return apply(shadowName, updateJson);
    }

    @Override
    public synchronized List<ShadowDocument> shadowHistory(String thingName, String shadowName) {
        Shadow shadow = shadows.get(shadowName);
        return shadow == null ? List.of() : List.copyOf(shadow.history.reversed());
    }

    @Override
    public synchronized List<String> shadowNames(String thingName) {
        return List.copyOf(shadows.keySet());
    }

    /** Every shadow here is the one sensor's, a registered thing. */
    @Override
    public List<ShadowWithoutAThing> shadowsWithoutAThing() {
        return List.of();
    }

    @Override
    public ThingDescription createThing(NewThing thing) {
        throw new UnsupportedOperationException("the Thing view does not create things");
    }

    @Override
    public ThingDescription describeThing(String thingName) {
        throw new UnsupportedOperationException("the Thing view inspects a thing");
    }

    @Override
    public synchronized ThingDescription updateThing(ThingChange change) throws FleetApiException {
        thingChanges.add(change);
        if (change.expectedVersion() != null && change.expectedVersion() != registryVersion) {
            throw new VersionConflictException("The thing " + change.thingName() + " is at version " + registryVersion
                    + ", not " + change.expectedVersion());
        }
        change.attributes().forEach((name, value) -> {
            if (value.isEmpty()) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        });
        registryVersion++;
        return new ThingDescription(
                change.thingName(), "id", "temperature-sensor", attributes, registryVersion, List.of());
    }

    /** Another console changed the registry entry meanwhile: its version moved on. */
    synchronized void changedElsewhere() {
        registryVersion++;
    }

    @Override
    public void deleteThing(String thingName) {
        throw new UnsupportedOperationException("the Thing view does not delete things");
    }

    @Override
    public Page<ThingDescription> listThings(PageRequest page) {
        throw new UnsupportedOperationException("the Thing view shows one thing");
    }

    @Override
    public void addThingToThingGroup(String thingGroupName, String thingName) {
        throw new UnsupportedOperationException("the Thing view does not change groups");
    }

    /** An update that cannot be refused, to set the scene. */
    void seed(String shadowName, String updateJson) {
        try {
            apply(shadowName, updateJson);
        } catch (ShadowRejectedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The device reports, as it would over MQTT: the shadow's version moves on. */
    public synchronized void deviceReports(String shadowName, String reported) {
        seed(shadowName, "{\"state\":{\"reported\":" + reported + "}}");
    }

    public synchronized long version(String shadowName) {
        Shadow shadow = shadows.get(shadowName);
        return shadow == null ? 0 : shadow.version;
    }

    private ShadowDocument apply(String shadowName, String updateJson) throws ShadowRejectedException {
        JsonNode request;
        try {
            request = JSON.readTree(updateJson);
        } catch (JsonProcessingException e) {
            throw new ShadowRejectedException(400, "Invalid JSON");
        }
        Shadow shadow = shadows.computeIfAbsent(shadowName, name -> new Shadow());
        if (request.has("version") && request.get("version").asLong() != shadow.version) {
            throw new ShadowRejectedException(409, "Version conflict");
        }
        clock += 60;
        JsonNode state = request.path("state");
        if (state.has("desired")) {
            merge(shadow.desired, shadow.desiredMeta, state.get("desired"));
        }
        if (state.has("reported")) {
            merge(shadow.reported, shadow.reportedMeta, state.get("reported"));
        }
        shadow.version++;
        shadow.timestamp = clock;
        ObjectNode document = JSON.createObjectNode();
        document.set(
                "state",
                JSON.createObjectNode()
                        .<ObjectNode>set("desired", shadow.desired.deepCopy())
                        .set("reported", shadow.reported.deepCopy()));
        document.set(
                "metadata",
                JSON.createObjectNode()
                        .<ObjectNode>set("desired", shadow.desiredMeta.deepCopy())
                        .set("reported", shadow.reportedMeta.deepCopy()));
        document.put("version", shadow.version);
        shadow.history.add(new ShadowDocument(shadow.version, Instant.ofEpochSecond(clock), document.toString()));
        return shadow.get();
    }

    private void merge(ObjectNode target, ObjectNode metadata, JsonNode request) {
        if (request.isNull()) {
            target.removeAll();
            metadata.removeAll();
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = request.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(key);
                metadata.remove(key);
            } else if (value.isObject()) {
                if (!(target.get(key) instanceof ObjectNode)) {
                    target.set(key, JSON.createObjectNode());
                    metadata.set(key, JSON.createObjectNode());
                }
                merge((ObjectNode) target.get(key), (ObjectNode) metadata.get(key), value);
            } else {
                target.set(key, value);
                if (value.isArray()) {
                    var stamps = JSON.createArrayNode();
                    value.forEach(element -> stamps.add(JSON.createObjectNode().put("timestamp", clock)));
                    metadata.set(key, stamps);
                } else {
                    metadata.set(key, JSON.createObjectNode().put("timestamp", clock));
                }
            }
        }
    }

    /** The delta of AWS-IOT-BEHAVIOUR §1.6: desired leaves that reported lacks or holds otherwise. */
    private static JsonNode delta(JsonNode desired, JsonNode reported) {
        if (desired == null || desired.isMissingNode()) {
            return null;
        }
        if (reported == null || reported.isMissingNode()) {
            return desired;
        }
        if (desired.isObject() && reported.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            desired.properties().forEach(field -> {
                JsonNode sub = delta(field.getValue(), reported.get(field.getKey()));
                if (sub != null) {
                    out.set(field.getKey(), sub);
                }
            });
            return out.isEmpty() ? null : out;
        }
        return desired.equals(reported) ? null : desired;
    }

    private final class Shadow {
        final ObjectNode desired = JSON.createObjectNode();
        final ObjectNode reported = JSON.createObjectNode();
        final ObjectNode desiredMeta = JSON.createObjectNode();
        final ObjectNode reportedMeta = JSON.createObjectNode();
        final List<ShadowDocument> history = new ArrayList<>();
        long version;
        long timestamp;

        ShadowDocument get() {
            ObjectNode state = JSON.createObjectNode();
            ObjectNode metadata = JSON.createObjectNode();
            if (!desired.isEmpty()) {
                state.set("desired", desired.deepCopy());
                metadata.set("desired", desiredMeta.deepCopy());
            }
            if (!reported.isEmpty()) {
                state.set("reported", reported.deepCopy());
                metadata.set("reported", reportedMeta.deepCopy());
            }
            JsonNode delta = delta(desired, reported);
            if (delta != null) {
                state.set("delta", delta);
            }
            ObjectNode document = JSON.createObjectNode();
            document.set("state", state);
            document.set("metadata", metadata);
            document.put("version", version);
            document.put("timestamp", timestamp);
            return new ShadowDocument(version, Instant.ofEpochSecond(timestamp), document.toString());
        }
    }
}
