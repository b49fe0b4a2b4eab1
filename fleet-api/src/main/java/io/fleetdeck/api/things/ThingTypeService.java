package io.fleetdeck.api.things;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.page.Page;
import io.fleetdeck.api.page.PageRequest;

/**
 * The registry's thing types (AWS-IOT-BEHAVIOUR §4.2): a type is made once, never changed, and deprecated when no new
 * thing should take it. Refusals: {@code ResourceAlreadyExistsException}, {@code ResourceNotFoundException}, {@code
 * InvalidRequestException} (a bad name, more than 3 searchable attributes).
 */
public interface ThingTypeService {

    ThingTypeDescription createThingType(NewThingType thingType) throws FleetApiException;

    ThingTypeDescription describeThingType(String thingTypeName) throws FleetApiException;

    /** ListThingTypes: every type by name, deprecated ones too, a page at a time. */
    Page<ThingTypeDescription> listThingTypes(PageRequest page) throws FleetApiException;

    /**
     * DeprecateThingType: no new thing may take the type, the things that have it keep it; {@code undo} lets new
     * things take it again.
     */
    ThingTypeDescription deprecateThingType(String thingTypeName, boolean undo) throws FleetApiException;
}
