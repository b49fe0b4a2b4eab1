package io.fleetdeck.views.thingtypes;

import io.fleetdeck.api.error.InvalidRequestException;
import io.fleetdeck.api.error.ResourceAlreadyExistsException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.page.Page;
import io.fleetdeck.api.page.PageRequest;
import io.fleetdeck.api.things.NewThingType;
import io.fleetdeck.api.things.ThingTypeDescription;
import io.fleetdeck.api.things.ThingTypeService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Thing types in memory, with the registry's refusals in its words; one page holds them all. */
final class FakeThingTypes implements ThingTypeService {

    static final Instant NOW = Instant.parse("2026-12-07T19:02:00Z");

    private final Map<String, ThingTypeDescription> types = new TreeMap<>();

    @Override
    public synchronized ThingTypeDescription createThingType(NewThingType wanted)
            throws ResourceAlreadyExistsException, InvalidRequestException {
        if (types.containsKey(wanted.thingTypeName())) {
            throw new ResourceAlreadyExistsException("thing type " + wanted.thingTypeName() + " already exists");
        }
        if (wanted.searchableAttributes().size() > 3) {
            throw new InvalidRequestException("a thing type has at most 3 searchable attributes");
        }
        ThingTypeDescription made = new ThingTypeDescription(
                wanted.thingTypeName(), wanted.description(), wanted.searchableAttributes(), NOW, null);
        types.put(made.thingTypeName(), made);
        return made;
    }

    @Override
    public synchronized ThingTypeDescription describeThingType(String name) throws ResourceNotFoundException {
        ThingTypeDescription type = types.get(name);
        if (type == null) {
            throw new ResourceNotFoundException("no thing type named " + name);
        }
        return type;
    }

    @Override
    public synchronized Page<ThingTypeDescription> listThingTypes(PageRequest page) {
        return new Page<>(new ArrayList<>(types.values()), null);
    }

    @Override
    public synchronized ThingTypeDescription deprecateThingType(String name, boolean undo)
            throws ResourceNotFoundException {
        ThingTypeDescription type = describeThingType(name);
        ThingTypeDescription changed = new ThingTypeDescription(
                type.thingTypeName(),
                type.description(),
                type.searchableAttributes(),
                type.creationDate(),
                undo ? null : NOW);
        types.put(name, changed);
        return changed;
    }

    synchronized List<String> names() {
        return List.copyOf(types.keySet());
    }
}
