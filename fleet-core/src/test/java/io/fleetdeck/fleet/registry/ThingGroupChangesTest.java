package io.fleetdeck.fleet.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetdeck.api.event.Change;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvent.GroupChanged;
import io.fleetdeck.api.event.FleetEvent.HierarchyChanged;
import io.fleetdeck.api.event.FleetEvent.MembershipChanged;
import io.fleetdeck.fleet.store.Database;
import io.fleetdeck.fleet.store.StoreKind;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Changing thing groups after creation: attributes, delete, the console's rename and move, moving a thing. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreKind.class)
class ThingGroupChangesTest {

    private final StoreKind store;

    ThingGroupChangesTest(StoreKind store) {
        this.store = store.assumeAvailable();
    }

    @TempDir
    Path folder;

    private Database database;
    private Registry registry;
    private final List<FleetEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        database = store.open(folder);
        registry = new Registry(database, Clock.systemUTC(), event -> events.add(event));
        registry.createThingGroup("site-north", null, Map.of("region", "north"));
        registry.createThingGroup("building-a", "site-north", Map.of());
        registry.createThingGroup("floor-1", "building-a", Map.of());
        registry.createThingGroup("floor-2", "building-a", Map.of());
        registry.createThingGroup("site-south", null, Map.of());
        for (String thing : List.of("sensor-1", "sensor-2", "sensor-3")) {
            registry.createThing(thing, null, Map.of());
        }
        registry.addThingToGroup("floor-1", "sensor-1");
        registry.addThingToGroup("floor-1", "sensor-2");
        registry.addThingToGroup("floor-2", "sensor-3");
        events.clear();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static String refusal(Refusals.ThrowingCall call) {
        return Refusals.refusal(call).getMessage();
    }

    @Test
    void groupAttributesMergeUnderAnExpectedVersion() throws Exception {
        ThingGroup updated = registry.updateThingGroup("site-north", Map.of("manager", "kim", "region", ""), true, 1L);
        assertThat(updated.attributes()).isEqualTo(Map.of("manager", "kim"));
        assertThat(updated.version()).isEqualTo(2);
        assertThat(refusal(() -> registry.updateThingGroup("site-north", Map.of("a", "b"), true, 1L)))
                .isEqualTo("thing group site-north is at version 2, not 1");
        assertThat(events).containsExactly(new GroupChanged("site-north", Change.UPDATED));
    }

    @Test
    void deletingAGroupReleasesItsThingsButRefusesWhileItHasChildren() throws Exception {
        assertThat(refusal(() -> registry.deleteThingGroup("building-a")))
                .isEqualTo("thing group building-a has child groups (floor-1, floor-2); delete or move them first");
        registry.deleteThingGroup("floor-1");
        assertThat(registry.thingGroup("floor-1")).isEmpty();
        assertThat(registry.thing("sensor-1").orElseThrow().groups()).isEmpty();
        assertThat(events)
                .containsExactly(
                        new MembershipChanged("floor-1", "sensor-1", false, false),
                        new MembershipChanged("floor-1", "sensor-2", false, false),
                        new HierarchyChanged("building-a", "floor-1", false),
                        new GroupChanged("floor-1", Change.DELETED));
    }

    @Test
    void aRenamedGroupKeepsItsMembersChildrenAndPlace() throws Exception {
        ThingGroup renamed = registry.renameThingGroup("building-a", "building-alpha");
        assertThat(renamed.parent()).isEqualTo("site-north");
        assertThat(registry.thingGroup("building-a")).isEmpty();
        assertThat(registry.thingGroup("floor-1").orElseThrow().rootToParent())
                .containsExactly("site-north", "building-alpha");
        assertThat(registry.thingsInGroup("building-alpha", true)).containsExactly("sensor-1", "sensor-2", "sensor-3");
        assertThat(refusal(() -> registry.renameThingGroup("floor-1", "floor-2")))
                .isEqualTo("thing group floor-2 already exists");
        assertThat(refusal(() -> registry.renameThingGroup("floor-1", "floor 1")))
                .startsWith("a thing group name is 1-128 characters");
        assertThat(events).containsExactly(new GroupChanged("building-a", Change.RENAMED, "building-alpha"));
    }

    @Test
    void aMovedGroupTakesItsSubtreeWithinTheNestingRules() throws Exception {
        registry.moveThingGroup("building-a", "site-south");
        assertThat(registry.thingGroup("floor-2").orElseThrow().rootToParent())
                .containsExactly("site-south", "building-a");
        assertThat(registry.groupsWithAncestors("sensor-3")).containsExactly("site-south", "building-a", "floor-2");
        assertThat(refusal(() -> registry.moveThingGroup("building-a", "floor-1")))
                .isEqualTo("thing group building-a cannot move below itself (floor-1)");
        registry.moveThingGroup("floor-1", null);
        assertThat(registry.thingGroup("floor-1").orElseThrow().parent()).isNull();
        assertThat(events)
                .containsExactly(
                        new HierarchyChanged("site-north", "building-a", false),
                        new HierarchyChanged("site-south", "building-a", true),
                        new GroupChanged("building-a", Change.UPDATED),
                        new HierarchyChanged("building-a", "floor-1", false),
                        new GroupChanged("floor-1", Change.UPDATED));
    }

    @Test
    void aMoveThatWouldNestTooDeepOrPutAThingTwiceInOneHierarchyIsRefused() throws Exception {
        String parent = "site-south";
        for (int level = 2; level <= 6; level++) {
            registry.createThingGroup("deep-" + level, parent, Map.of());
            parent = "deep-" + level;
        }
        assertThat(refusal(() -> registry.moveThingGroup("building-a", "deep-6")))
                .isEqualTo("below deep-6 the hierarchy would be 8 deep; thing groups nest at most 7 deep");
        registry.addThingToGroup("site-south", "sensor-1");
        assertThat(refusal(() -> registry.moveThingGroup("floor-1", "deep-2")))
                .isEqualTo("sensor-1 is in floor-1 and in site-south; after the move both would be in the hierarchy"
                        + " of site-south");
        assertThat(registry.thingGroup("floor-1").orElseThrow().parent())
                .as("a refused move changes nothing")
                .isEqualTo("building-a");
    }

    @Test
    void aThingMovesBetweenGroupsOfOneHierarchyInOneStep() throws Exception {
        assertThat(refusal(() -> registry.addThingToGroup("floor-2", "sensor-1")))
                .isEqualTo("sensor-1 is already in floor-1 of the same hierarchy (site-north)");
        registry.moveThing("sensor-1", "floor-1", "floor-2");
        assertThat(registry.thing("sensor-1").orElseThrow().groups()).containsExactly("floor-2");
        assertThatThrownBy(() -> registry.moveThing("sensor-1", "floor-2", "no-such-group"))
                .isInstanceOf(RegistryException.class)
                .hasMessage("no thing group named no-such-group");
        assertThat(registry.thing("sensor-1").orElseThrow().groups())
                .as("a refused move leaves the thing where it was")
                .containsExactly("floor-2");
        assertThat(events)
                .containsExactly(
                        new MembershipChanged("floor-1", "sensor-1", false, false),
                        new MembershipChanged("floor-2", "sensor-1", true, false));
    }

    @Test
    void theWholeFleetIsReadWithEachThingsGroups() {
        assertThat(registry.things())
                .extracting(Thing::name, Thing::groups)
                .containsExactly(
                        tuple("sensor-1", List.of("floor-1")),
                        tuple("sensor-2", List.of("floor-1")),
                        tuple("sensor-3", List.of("floor-2")));
    }

    @Test
    void allGroupsComeParentsFirst() {
        assertThat(registry.thingGroups())
                .extracting(ThingGroup::name)
                .containsExactly("site-north", "building-a", "floor-1", "floor-2", "site-south");
    }
}
