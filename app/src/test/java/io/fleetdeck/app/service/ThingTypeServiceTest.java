package io.fleetdeck.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdeck.api.error.InvalidRequestException;
import io.fleetdeck.api.error.ResourceAlreadyExistsException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.page.Page;
import io.fleetdeck.api.page.PageReader;
import io.fleetdeck.api.page.PageRequest;
import io.fleetdeck.api.things.NewThing;
import io.fleetdeck.api.things.NewThingType;
import io.fleetdeck.api.things.ThingService;
import io.fleetdeck.api.things.ThingTypeDescription;
import io.fleetdeck.api.things.ThingTypeService;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.shadow.ShadowLimits;
import io.fleetdeck.fleet.shadow.Shadows;
import io.fleetdeck.fleet.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service API's thing types over a real store: made, described, listed by page, deprecated and back. */
class ThingTypeServiceTest {

    @TempDir
    Path folder;

    private Database database;
    private ThingTypeService types;
    private ThingService things;

    @BeforeEach
    void open() {
        database = Database.sqliteFile(folder.resolve("fleetdeck.db"));
        Registry registry = new Registry(database, Clock.systemUTC());
        types = new LocalThingTypes(registry);
        things = new LocalThings(
                registry,
                thing -> List.of(),
                thing -> Optional.empty(),
                new LocalShadows(
                        new Shadows(database, Clock.systemUTC(), ShadowLimits.awsDefaults()),
                        () -> null,
                        registry::thingNames));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aTypeIsMadeWithItsDescriptionAndSearchableAttributesAndAThingTakesIt() throws Exception {
        ThingTypeDescription pump =
                types.createThingType(new NewThingType("pump", "Water pumps", List.of("model", "site")));

        assertThat(pump.thingTypeName()).isEqualTo("pump");
        assertThat(pump.description()).isEqualTo("Water pumps");
        assertThat(pump.searchableAttributes()).containsExactly("model", "site");
        assertThat(pump.deprecated()).isFalse();
        assertThat(types.describeThingType("pump")).isEqualTo(pump);
        assertThat(things.createThing(new NewThing("pump-7", "pump", Map.of())).thingTypeName())
                .isEqualTo("pump");
    }

    @Test
    void aTypeWithoutDescriptionOrSearchableAttributesHasNone() throws Exception {
        ThingTypeDescription meter = types.createThingType(new NewThingType("meter", null, List.of()));

        assertThat(meter.description()).isNull();
        assertThat(meter.searchableAttributes()).isEmpty();
    }

    @Test
    void aDeprecatedTypeRefusesNewThingsInAwsWordsUntilTheDeprecationIsUndone() throws Exception {
        types.createThingType(new NewThingType("pump", null, List.of()));
        things.createThing(new NewThing("pump-7", "pump", Map.of()));

        ThingTypeDescription deprecated = types.deprecateThingType("pump", false);

        assertThat(deprecated.deprecated()).isTrue();
        assertThat(deprecated.deprecationDate()).isAfterOrEqualTo(deprecated.creationDate());
        assertThatThrownBy(() -> things.createThing(new NewThing("pump-8", "pump", Map.of())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Can not create new thing with deprecated thing type: pump");
        assertThat(things.describeThing("pump-7").thingTypeName()).isEqualTo("pump");

        assertThat(types.deprecateThingType("pump", true).deprecated()).isFalse();
        assertThat(things.createThing(new NewThing("pump-8", "pump", Map.of())).thingTypeName())
                .isEqualTo("pump");
    }

    @Test
    void refusalsComeWithAwsCodes() throws Exception {
        types.createThingType(new NewThingType("pump", null, List.of()));

        assertThatThrownBy(() -> types.createThingType(new NewThingType("pump", null, List.of())))
                .isInstanceOf(ResourceAlreadyExistsException.class)
                .hasMessage("thing type pump already exists");
        assertThatThrownBy(() -> types.createThingType(new NewThingType("valve", null, List.of("a", "b", "c", "d"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("a thing type has at most 3 searchable attributes");
        assertThatThrownBy(() -> types.describeThingType("valve"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("no thing type named valve");
        assertThatThrownBy(() -> types.deprecateThingType("valve", false))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("no thing type named valve");
    }

    @Test
    void typesAreListedByNamePageByPageDeprecatedOnesToo() throws Exception {
        for (String name : List.of("valve", "meter", "pump")) {
            types.createThingType(new NewThingType(name, null, List.of()));
        }
        types.deprecateThingType("meter", false);

        Page<ThingTypeDescription> first = types.listThingTypes(PageRequest.first(2));
        assertThat(first.items())
                .extracting(ThingTypeDescription::thingTypeName)
                .containsExactly("meter", "pump");
        assertThat(first.items().getFirst().deprecated()).isTrue();
        assertThat(types.listThingTypes(first.next(2).orElseThrow()).items())
                .extracting(ThingTypeDescription::thingTypeName)
                .containsExactly("valve");
        assertThat(PageReader.readAll(types::listThingTypes)).hasSize(3);
    }
}
