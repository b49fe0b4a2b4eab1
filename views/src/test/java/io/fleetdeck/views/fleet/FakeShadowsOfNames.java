package io.fleetdeck.views.fleet;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.ResourceAlreadyExistsException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.error.ShadowRejectedException;
import io.fleetdeck.api.event.FleetEvent;
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
import io.fleetdeck.views.testing.FakeEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A registry and shadows in memory, kept apart as AWS keeps them: a shadow may be written for any name, registered or
 * not. Each change is announced as the fleet announces it (ThingCreated after the registry's write, ShadowCommitted
 * after the shadow's). Thread-safe.
 */
final class FakeShadowsOfNames implements ThingService, ShadowService {

    static final Instant NOW = Instant.parse("2026-11-26T14:30:00Z");

    final FakeEvents events;
    final AtomicInteger registryLookups = new AtomicInteger();
    final AtomicInteger wholeReads = new AtomicInteger();
    private final Set<String> things = ConcurrentHashMap.newKeySet();
    /** Shadows by "thing\0shadow", sorted as the store lists them; each holds its version. */
    private final Map<String, Long> shadows = new TreeMap<>();

    FakeShadowsOfNames() {
        this(new FakeEvents());
    }

    /** Announcing on {@code events}, which a fake fleet may share. */
    FakeShadowsOfNames(FakeEvents events) {
        this.events = events;
    }

    void register(String thingName) {
        things.add(thingName);
    }

    /** A device (or {@code shadow update}) writes {@code reported} to the shadow of a name, registered or not. */
    void report(String thingName, String shadowName) {
        long version;
        synchronized (shadows) {
            version = shadows.merge(thingName + '\u0000' + shadowName, 1L, Long::sum);
        }
        events.publish(new FleetEvent.ShadowCommitted(thingName, shadowName, version, null));
    }

    @Override
    public List<ShadowWithoutAThing> shadowsWithoutAThing() {
        wholeReads.incrementAndGet();
        List<ShadowWithoutAThing> rows = new ArrayList<>();
        synchronized (shadows) {
            shadows.forEach((key, version) -> {
                String[] names = key.split("\u0000", -1);
                if (!things.contains(names[0])) {
                    rows.add(new ShadowWithoutAThing(names[0], names[1], version, NOW));
                }
            });
        }
        return rows;
    }

    @Override
    public ShadowDocument getThingShadow(String thingName, String shadowName) throws ShadowRejectedException {
        Long version;
        synchronized (shadows) {
            version = shadows.get(thingName + '\u0000' + shadowName);
        }
        if (version == null) {
            throw new ShadowRejectedException(404, "No shadow exists with name: '" + thingName + "'");
        }
        return new ShadowDocument(
                version,
                NOW,
                "{\"state\":{\"reported\":{\"battery\":" + (100 - version) + "}},\"metadata\":{},\"version\":" + version
                        + "}");
    }

    @Override
    public ShadowDocument updateThingShadow(String thingName, String shadowName, String updateJson) {
        report(thingName, shadowName);
        return new ShadowDocument(1, NOW, updateJson);
    }

    @Override
    public List<ShadowDocument> shadowHistory(String thingName, String shadowName) {
        return List.of();
    }

    @Override
    public List<String> shadowNames(String thingName) {
        List<String> names = new ArrayList<>();
        synchronized (shadows) {
            shadows.keySet().stream()
                    .filter(key -> key.startsWith(thingName + '\u0000'))
                    .forEach(key -> names.add(key.substring(thingName.length() + 1)));
        }
        return names;
    }

    @Override
    public ThingDescription createThing(NewThing thing) throws FleetApiException {
        if (!things.add(thing.thingName())) {
            throw new ResourceAlreadyExistsException("thing " + thing.thingName() + " already exists");
        }
        events.publish(new FleetEvent.ThingCreated(thing.thingName()));
        return describeThing(thing.thingName());
    }

    @Override
    public ThingDescription describeThing(String thingName) throws FleetApiException {
        registryLookups.incrementAndGet();
        if (!things.contains(thingName)) {
            throw new ResourceNotFoundException("no thing named " + thingName);
        }
        return new ThingDescription(thingName, "id-" + thingName, null, Map.of(), 1, List.of());
    }

    @Override
    public ThingDetail inspectThing(String thingName) throws FleetApiException {
        describeThing(thingName);
        return new ThingDetail(thingName, null, 1, Map.of(), List.of(), List.of(), null, shadowNames(thingName));
    }

    @Override
    public ThingDescription updateThing(ThingChange change) {
        throw new UnsupportedOperationException("not used by the Fleet section");
    }

    @Override
    public void deleteThing(String thingName) {
        things.remove(thingName);
        events.publish(new FleetEvent.ThingDeleted(thingName));
    }

    @Override
    public Page<ThingDescription> listThings(PageRequest page) {
        throw new UnsupportedOperationException("not used by the Fleet section");
    }

    @Override
    public void addThingToThingGroup(String thingGroupName, String thingName) {
        throw new UnsupportedOperationException("not used by the Fleet section");
    }
}
