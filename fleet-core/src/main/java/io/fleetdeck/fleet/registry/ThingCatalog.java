package io.fleetdeck.fleet.registry;

import static io.fleetdeck.fleet.registry.RegistryRules.changedAttributes;
import static io.fleetdeck.fleet.registry.RegistryRules.checkAttributes;
import static io.fleetdeck.fleet.registry.RegistryRules.checkName;
import static io.fleetdeck.fleet.registry.RegistryRules.checkVersion;
import static io.fleetdeck.fleet.registry.RegistryStore.toJson;
import static io.fleetdeck.fleet.store.Jdbc.query;
import static io.fleetdeck.fleet.store.Jdbc.update;

import io.fleetdeck.api.event.Change;
import io.fleetdeck.api.event.FleetEvent.ThingCreated;
import io.fleetdeck.api.event.FleetEvent.ThingDeleted;
import io.fleetdeck.api.event.FleetEvent.ThingTypeChanged;
import io.fleetdeck.api.event.FleetEvent.ThingUpdated;
import io.fleetdeck.fleet.events.FleetEventSink;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The registry's things and thing types (AWS-IOT-BEHAVIOUR §4): a thing's attributes, optimistic version and at most
 * one type, which must not be deprecated when the thing is created. Owned by {@link Registry}, which documents each
 * operation and holds its change order around every change, so that the events published here after the commit
 * reach subscribers in commit order.
 */
final class ThingCatalog {

    private final RegistryStore store;
    private final Clock clock;
    private final FleetEventSink events;

    ThingCatalog(RegistryStore store, Clock clock, FleetEventSink events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    Thing createThing(String name, @Nullable String thingType, Map<String, String> attributes)
            throws RegistryException {
        checkName("thing", name);
        checkAttributes(attributes, thingType == null ? 3 : 50);
        Thing created = store.writeOrRefuse(c -> {
            if (store.thing(c, name).isPresent()) {
                throw new RegistryException(RegistryException.ALREADY_EXISTS, "thing " + name + " already exists");
            }
            if (thingType != null) {
                requireUsableType(c, thingType);
            }
            update(
                    c,
                    "INSERT INTO thing (name, attributes, version, created_at, thing_type) VALUES (?, ?, 1, ?, ?)",
                    name,
                    toJson(attributes),
                    clock.millis(),
                    thingType);
            return store.thing(c, name).orElseThrow();
        });
        events.publish(new ThingCreated(name));
        return created;
    }

    Thing updateThing(String name, Map<String, String> attributes, boolean merge, @Nullable Long expectedVersion)
            throws RegistryException {
        Thing updated = store.writeOrRefuse(c -> {
            Thing current = store.requireThing(c, name);
            checkVersion("thing", name, current.version(), expectedVersion);
            Map<String, String> next = changedAttributes(current.attributes(), attributes, merge);
            checkAttributes(next, current.thingType() == null ? 3 : 50);
            update(c, "UPDATE thing SET attributes = ?, version = version + 1 WHERE name = ?", toJson(next), name);
            return store.thing(c, name).orElseThrow();
        });
        events.publish(new ThingUpdated(name));
        return updated;
    }

    void deleteThing(String name) throws RegistryException {
        store.writeOrRefuse(c -> {
            store.requireThing(c, name);
            return update(c, "DELETE FROM thing WHERE name = ?", name);
        });
        events.publish(new ThingDeleted(name));
    }

    Optional<Thing> thing(String name) {
        return store.read(c -> store.thing(c, name));
    }

    List<Thing> things() {
        return store.read(store::allThings);
    }

    List<String> thingNames() {
        return store.read(c -> query(c, "SELECT name FROM thing ORDER BY name", row -> row.getString(1)));
    }

    void createThingType(String name, String description, List<String> searchableAttributes) throws RegistryException {
        checkName("thing type", name);
        if (searchableAttributes.size() > 3) {
            throw new RegistryException(
                    RegistryException.INVALID_REQUEST, "a thing type has at most 3 searchable attributes");
        }
        store.writeOrRefuse(c -> {
            if (!query(c, "SELECT 1 FROM thing_type WHERE name = ?", row -> 1, name)
                    .isEmpty()) {
                throw new RegistryException(RegistryException.ALREADY_EXISTS, "thing type " + name + " already exists");
            }
            return update(
                    c,
                    "INSERT INTO thing_type (name, description, searchable_attributes, created_at) VALUES (?, ?, ?, ?)",
                    name,
                    description,
                    String.join(",", searchableAttributes),
                    clock.millis());
        });
        events.publish(new ThingTypeChanged(name, Change.CREATED));
    }

    void deprecateThingType(String name, boolean undo) throws RegistryException {
        store.writeOrRefuse(c -> {
            if (update(c, "UPDATE thing_type SET deprecated_at = ? WHERE name = ?", undo ? null : clock.millis(), name)
                    == 0) {
                throw new RegistryException(RegistryException.NOT_FOUND, "no thing type named " + name);
            }
            return null;
        });
        events.publish(new ThingTypeChanged(name, Change.UPDATED));
    }

    Optional<ThingType> thingType(String name) {
        return store.read(c -> query(c, THING_TYPE_COLUMNS + " WHERE name = ?", ThingCatalog::thingType, name).stream()
                .findFirst());
    }

    List<ThingType> thingTypes() {
        return store.read(c -> query(c, THING_TYPE_COLUMNS + " ORDER BY name", ThingCatalog::thingType));
    }

    private static final String THING_TYPE_COLUMNS =
            "SELECT name, description, searchable_attributes, created_at, deprecated_at FROM thing_type";

    private static ThingType thingType(ResultSet row) throws SQLException {
        String searchable = row.getString(3);
        long deprecatedAt = row.getLong(5);
        boolean deprecated = !row.wasNull();
        return new ThingType(
                row.getString(1),
                row.getString(2),
                searchable.isEmpty() ? List.of() : List.of(searchable.split(",")),
                Instant.ofEpochMilli(row.getLong(4)),
                deprecated ? Instant.ofEpochMilli(deprecatedAt) : null);
    }

    private static void requireUsableType(Connection c, String type) throws SQLException, RegistryException {
        List<Long> deprecated = query(
                c, "SELECT COALESCE(deprecated_at, -1) FROM thing_type WHERE name = ?", row -> row.getLong(1), type);
        if (deprecated.isEmpty()) {
            throw new RegistryException(RegistryException.NOT_FOUND, "no thing type named " + type);
        }
        if (deprecated.getFirst() >= 0) {
            throw new RegistryException(
                    RegistryException.INVALID_REQUEST,
                    // AWS's words (less its typo, "depreated"), so a script written against AWS matches them
                    "Can not create new thing with deprecated thing type: " + type);
        }
    }
}
