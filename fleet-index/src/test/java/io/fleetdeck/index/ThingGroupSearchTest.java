package io.fleetdeck.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The thing-group index (AWS_ThingGroups) over the real registry: groups found by name, attributes and ancestors. */
class ThingGroupSearchTest {

    @TempDir
    Path folder;

    private Database database;
    private Registry registry;
    private ThingGroupSearch groups;

    @BeforeEach
    void open() throws Exception {
        database = Database.sqliteFile(folder.resolve("fleetdeck.db"));
        registry = new Registry(database, Clock.systemUTC());
        registry.createThingGroup("north-harbour", null, Map.of("region", "north", "floors", "4"));
        registry.createThingGroup("north-harbour-b1", "north-harbour", Map.of("floors", "2"));
        registry.createThingGroup("north-harbour-b1-f2", "north-harbour-b1", Map.of());
        registry.createThingGroup("west-yard", null, Map.of("region", "west"));
        registry.createDynamicThingGroup("lowBattery", "shadow.reported.battery<20", "2017-09-30", Map.of());
        groups = new ThingGroupSearch(registry);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Object search(String query) throws QueryException {
        return groups.search(FleetQuery.parse(query));
    }

    @Test
    void groupsAreFoundByNameAttributesAndAncestors() throws Exception {
        assertThat(search("thingGroupNames:north*"))
                .isEqualTo(List.of("north-harbour", "north-harbour-b1", "north-harbour-b1-f2"));
        assertThat(search("attributes.region:north")).isEqualTo(List.of("north-harbour"));
        assertThat(search("attributes.floors>=2 AND NOT attributes.region:west"))
                .isEqualTo(List.of("north-harbour", "north-harbour-b1"));
        assertThat(search("parentGroupNames:north-harbour"))
                .as("every ancestor, not only the parent")
                .isEqualTo(List.of("north-harbour-b1", "north-harbour-b1-f2"));
        assertThat(search("*")).asList().hasSize(5).contains("lowBattery");
        assertThat(search("thingGroupId:"
                        + registry.thingGroup("west-yard").orElseThrow().thingGroupId()))
                .isEqualTo(List.of("west-yard"));
        assertThat(search("version:1"))
                .as("a group's version is returned, not searched")
                .asList()
                .isEmpty();
    }
}
