package io.fleetdeck.app.service;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.page.Page;
import io.fleetdeck.api.page.PageRequest;
import io.fleetdeck.api.things.NewThingType;
import io.fleetdeck.api.things.ThingTypeDescription;
import io.fleetdeck.api.things.ThingTypeService;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.registry.ThingType;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@link ThingTypeService} over this process's registry. Any thread. */
public final class LocalThingTypes implements ThingTypeService {

    private final Registry registry;

    public LocalThingTypes(Registry registry) {
        this.registry = registry;
    }

    @Override
    public ThingTypeDescription createThingType(NewThingType thingType) throws FleetApiException {
        ApiErrors.call(() -> {
            registry.createThingType(
                    thingType.thingTypeName(),
                    thingType.description() == null ? "" : thingType.description(),
                    thingType.searchableAttributes());
            return null;
        });
        return describeThingType(thingType.thingTypeName());
    }

    @Override
    public ThingTypeDescription describeThingType(String thingTypeName) throws FleetApiException {
        return registry.thingType(thingTypeName)
                .map(LocalThingTypes::describe)
                .orElseThrow(() -> new ResourceNotFoundException("no thing type named " + thingTypeName));
    }

    @Override
    public Page<ThingTypeDescription> listThingTypes(PageRequest page) throws FleetApiException {
        // one read for the page: types are few (a fleet has tens), so all are read and the page cut from them
        Map<String, ThingType> byName =
                registry.thingTypes().stream().collect(Collectors.toMap(ThingType::name, Function.identity()));
        return NamePages.of(
                byName.keySet(),
                page,
                name -> Optional.ofNullable(byName.get(name)).map(LocalThingTypes::describe));
    }

    @Override
    public ThingTypeDescription deprecateThingType(String thingTypeName, boolean undo) throws FleetApiException {
        ApiErrors.call(() -> {
            registry.deprecateThingType(thingTypeName, undo);
            return null;
        });
        return describeThingType(thingTypeName);
    }

    private static ThingTypeDescription describe(ThingType type) {
        return new ThingTypeDescription(
                type.name(),
                type.description() == null || type.description().isEmpty() ? null : type.description(),
                type.searchableAttributes(),
                type.createdAt(),
                type.deprecatedAt());
    }
}
