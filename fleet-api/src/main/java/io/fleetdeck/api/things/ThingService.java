package io.fleetdeck.api.things;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.page.Page;
import io.fleetdeck.api.page.PageRequest;

/**
 * The registry's things. Every refusal is a {@link FleetApiException} with AWS's code and the registry's own words:
 * {@code ResourceAlreadyExistsException}, {@code ResourceNotFoundException}, {@code InvalidRequestException} (a bad
 * name or attribute), {@code VersionConflictException}, {@code LimitExceededException}.
 */
public interface ThingService {

    ThingDescription createThing(NewThing thing) throws FleetApiException;

    ThingDescription describeThing(String thingName) throws FleetApiException;

    /** The thing with its certificates, connectivity and shadows: what the Thing view shows. */
    ThingDetail inspectThing(String thingName) throws FleetApiException;

    ThingDescription updateThing(ThingChange change) throws FleetApiException;

    void deleteThing(String thingName) throws FleetApiException;

    /** The things by name, a page at a time. */
    Page<ThingDescription> listThings(PageRequest page) throws FleetApiException;

    /** AddThingToThingGroup: the thing joins a static group (leaving the group of the same hierarchy it was in). */
    void addThingToThingGroup(String thingGroupName, String thingName) throws FleetApiException;
}
