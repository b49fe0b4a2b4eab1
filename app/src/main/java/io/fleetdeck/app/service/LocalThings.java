package io.fleetdeck.app.service;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.page.Page;
import io.fleetdeck.api.page.PageRequest;
import io.fleetdeck.api.shadows.ShadowService;
import io.fleetdeck.api.things.NewThing;
import io.fleetdeck.api.things.ThingChange;
import io.fleetdeck.api.things.ThingDescription;
import io.fleetdeck.api.things.ThingDetail;
import io.fleetdeck.api.things.ThingService;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.registry.Thing;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@link ThingService} over this process's registry. */
public final class LocalThings implements ThingService {

    private final Registry registry;
    private final Function<String, List<ThingDetail.Certificate>> certificates;
    private final Function<String, Optional<ThingDetail.Connectivity>> connectivity;
    private final ShadowService shadows;

    /**
     * @param certificates the certificates attached to each thing, with their status
     * @param connectivity each thing's connectivity as the broker last saw it; empty when no broker runs
     */
    public LocalThings(
            Registry registry,
            Function<String, List<ThingDetail.Certificate>> certificates,
            Function<String, Optional<ThingDetail.Connectivity>> connectivity,
            ShadowService shadows) {
        this.registry = registry;
        this.certificates = certificates;
        this.connectivity = connectivity;
        this.shadows = shadows;
    }

    @Override
    public ThingDescription createThing(NewThing thing) throws FleetApiException {
        return describe(ApiErrors.call(
                () -> registry.createThing(thing.thingName(), thing.thingTypeName(), thing.attributes())));
    }

    @Override
    public ThingDescription describeThing(String thingName) throws FleetApiException {
        return describe(registry.thing(thingName)
                .orElseThrow(() -> new ResourceNotFoundException("no thing named " + thingName)));
    }

    @Override
    public ThingDetail inspectThing(String thingName) throws FleetApiException {
        Thing thing = registry.thing(thingName)
                .orElseThrow(() -> new ResourceNotFoundException("no thing named " + thingName));
        return new ThingDetail(
                thing.name(),
                thing.thingType(),
                thing.version(),
                thing.attributes(),
                thing.groups(),
                certificates.apply(thingName),
                connectivity.apply(thingName).orElse(null),
                shadows.shadowNames(thingName));
    }

    @Override
    public ThingDescription updateThing(ThingChange change) throws FleetApiException {
        return describe(ApiErrors.call(() -> registry.updateThing(
                change.thingName(), change.attributes(), change.merge(), change.expectedVersion())));
    }

    @Override
    public void deleteThing(String thingName) throws FleetApiException {
        ApiErrors.call(() -> {
            registry.deleteThing(thingName);
            return null;
        });
    }

    @Override
    public Page<ThingDescription> listThings(PageRequest page) throws FleetApiException {
        return NamePages.of(
                registry.thingNames(), page, name -> registry.thing(name).map(LocalThings::describe));
    }

    @Override
    public void addThingToThingGroup(String thingGroupName, String thingName) throws FleetApiException {
        ApiErrors.call(() -> {
            registry.addThingToGroup(thingGroupName, thingName);
            return null;
        });
    }

    private static ThingDescription describe(Thing thing) {
        return new ThingDescription(
                thing.name(), thing.thingId(), thing.thingType(), thing.attributes(), thing.version(), thing.groups());
    }
}
