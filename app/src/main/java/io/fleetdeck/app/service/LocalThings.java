package io.fleetdeck.app.service;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.InvalidRequestException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.page.Page;
import io.fleetdeck.api.page.PageRequest;
import io.fleetdeck.api.things.NewThing;
import io.fleetdeck.api.things.ThingChange;
import io.fleetdeck.api.things.ThingDescription;
import io.fleetdeck.api.things.ThingService;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.registry.RegistryException;
import io.fleetdeck.fleet.registry.Thing;
import io.fleetdeck.fleet.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@link ThingService} over this process's registry. */
public final class LocalThings implements ThingService {

    private final Registry registry;

    public LocalThings(Registry registry) {
        this.registry = registry;
    }

    @Override
    public ThingDescription createThing(NewThing thing) throws FleetApiException {
        return describe(call(() -> registry.createThing(thing.thingName(), thing.thingTypeName(), thing.attributes())));
    }

    @Override
    public ThingDescription describeThing(String thingName) throws FleetApiException {
        return describe(registry.thing(thingName)
                .orElseThrow(() -> new ResourceNotFoundException("no thing named " + thingName)));
    }

    @Override
    public ThingDescription updateThing(ThingChange change) throws FleetApiException {
        return describe(call(() -> registry.updateThing(
                change.thingName(), change.attributes(), change.merge(), change.expectedVersion())));
    }

    @Override
    public void deleteThing(String thingName) throws FleetApiException {
        call(() -> {
            registry.deleteThing(thingName);
            return null;
        });
    }

    @Override
    public Page<ThingDescription> listThings(PageRequest page) throws FleetApiException {
        String after = page.nextToken() == null ? "" : nameIn(page.nextToken());
        List<String> names = registry.thingNames().stream()
                .filter(name -> name.compareTo(after) > 0)
                .sorted()
                .limit(page.maxResults() + 1L)
                .toList();
        List<ThingDescription> things = new ArrayList<>(Math.min(names.size(), page.maxResults()));
        for (String name : names.subList(0, Math.min(names.size(), page.maxResults()))) {
            registry.thing(name).ifPresent(thing -> things.add(describe(thing)));
        }
        return names.size() > page.maxResults() ? new Page<>(things, tokenAfter(things.getLast())) : Page.last(things);
    }

    @Override
    public void addThingToThingGroup(String thingGroupName, String thingName) throws FleetApiException {
        call(() -> {
            registry.addThingToGroup(thingGroupName, thingName);
            return null;
        });
    }

    private static ThingDescription describe(Thing thing) {
        return new ThingDescription(
                thing.name(), thing.thingId(), thing.thingType(), thing.attributes(), thing.version(), thing.groups());
    }

    /** The token is the last name of the page, so a thing created meanwhile is found on a later page, not twice. */
    private static String tokenAfter(ThingDescription last) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(last.thingName().getBytes(StandardCharsets.UTF_8));
    }

    private static String nameIn(String token) throws InvalidRequestException {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("the nextToken " + token + " is not one this service gave");
        }
    }

    private interface RegistryCall<T extends @Nullable Object> {
        T run() throws RegistryException;
    }

    private static <T extends @Nullable Object> T call(RegistryCall<T> call) throws FleetApiException {
        try {
            return call.run();
        } catch (RegistryException refused) {
            throw ApiErrors.of(refused);
        } catch (StoreException failed) {
            throw ApiErrors.of(failed);
        }
    }
}
