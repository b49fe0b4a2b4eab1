package io.fleetdeck.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fleetdeck.api.event.EventKind;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvent.MembershipChanged;
import io.fleetdeck.fleet.registry.ThingGroup;
import io.fleetdeck.fleet.registry.ThingGroup.DynamicMembership.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dynamic thing groups over the real registry, shadows and index (AWS-IOT-BEHAVIOUR §3.5, TV-I24). */
class DynamicThingGroupsTest {

    @TempDir
    Path folder;

    private ServiceFedFixture fleet;
    private DynamicThingGroups dynamicGroups;

    @BeforeEach
    void open() throws Exception {
        fleet = ServiceFedFixture.in(folder);
        dynamicGroups = DynamicThingGroups.start(fleet.registry, fleet.index, fleet.events);
    }

    @AfterEach
    void close() {
        dynamicGroups.close();
        fleet.close();
    }

    private List<String> members(String group) {
        return fleet.registry.thingsInGroup(group, false);
    }

    private Status status(String group) {
        return fleet.registry.thingGroup(group).orElseThrow().dynamic().status();
    }

    @Test
    void tvI24_lowBatteryIsBuiltThenActiveAndAThingLeavesWhenItStopsMatching() throws Exception {
        await().atMost(Duration.ofSeconds(5))
                .until(() -> fleet.search("shadow.reported.stats.battery<90").equals(List.of("tv-kitchen")));

        ThingGroup created = dynamicGroups.create("lowBattery", "shadow.reported.stats.battery<90", Map.of());

        assertThat(created.dynamic().status()).isEqualTo(Status.BUILDING);
        assertThat(created.dynamic().queryVersion()).isEqualTo("2017-09-30");
        await().atMost(Duration.ofSeconds(5)).until(() -> status("lowBattery") == Status.ACTIVE);
        assertThat(members("lowBattery")).containsExactly("tv-kitchen");
        assertThat(fleet.published).contains(new MembershipChanged("lowBattery", "tv-kitchen", true, true));

        fleet.updateShadow("tv-kitchen", "{'state':{'reported':{'stats':{'battery':95}}}}");
        await().atMost(Duration.ofSeconds(5)).until(() -> members("lowBattery").isEmpty());
        assertThat(fleet.published).contains(new MembershipChanged("lowBattery", "tv-kitchen", false, true));

        fleet.updateShadow("tv-plasma", "{'state':{'reported':{'stats':{'battery':12}}}}");
        await().atMost(Duration.ofSeconds(5)).until(() -> members("lowBattery").equals(List.of("tv-plasma")));
    }

    @Test
    void aChangedQueryRebuildsTheMembershipAndADeletedThingLeaves() throws Exception {
        dynamicGroups.create("tvs", "thingTypeName:TV", Map.of());
        await().atMost(Duration.ofSeconds(5)).until(() -> members("tvs").equals(List.of("tv-kitchen", "tv-plasma")));

        ThingGroup changed = dynamicGroups.changeQuery("tvs", "attributes.myAttribute:[70 TO 100]");

        assertThat(changed.dynamic().status()).isEqualTo(Status.REBUILDING);
        await().atMost(Duration.ofSeconds(5)).until(() -> status("tvs") == Status.ACTIVE);
        assertThat(members("tvs")).containsExactly("sensor-1", "sensor-2");

        fleet.registry.deleteThing("sensor-1");
        dynamicGroups.awaitQuiet(5, TimeUnit.SECONDS);
        assertThat(members("tvs")).containsExactly("sensor-2");
    }

    @Test
    void theIndexListsDynamicGroupsButAGroupsQuerySeesOnlyStaticOnesSoMembershipSettles() throws Exception {
        dynamicGroups.create("ungrouped", "NOT thingGroupNames:*", Map.of());
        dynamicGroups.create("tvs", "thingTypeName:TV", Map.of());
        await().atMost(Duration.ofSeconds(5)).until(() -> status("ungrouped") == Status.ACTIVE);
        dynamicGroups.awaitQuiet(5, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        fleet.search("thingGroupNames:ungrouped").equals(List.of("gateway", "sensor-1", "sensor-2")));
        assertThat(fleet.search("thingGroupNames:tvs")).containsExactly("tv-kitchen", "tv-plasma");
        assertThat(fleet.search("thingGroupNames:home AND thingGroupNames:tvs"))
                .containsExactly("tv-kitchen", "tv-plasma");
        // the things that joined were indexed again with the group's name; the group did not see that as a reason to
        // drop them, nor any other change
        dynamicGroups.awaitQuiet(5, TimeUnit.SECONDS);
        fleet.published.clear();
        fleet.updateShadow("gateway", "{'state':{'reported':{'uptime':1}}}");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> fleet.search("shadow.reported.uptime:1").size() == 1);
        dynamicGroups.awaitQuiet(5, TimeUnit.SECONDS);
        assertThat(members("ungrouped")).containsExactly("gateway", "sensor-1", "sensor-2");
        assertThat(fleet.published)
                .as("the shadow's own commit and nothing more")
                .extracting(FleetEvent::kind)
                .containsOnly(EventKind.SHADOW_COMMITTED);
    }

    @Test
    void aGroupLargerThanOneWriteSliceIsBuiltAndRebuiltWhole() throws Exception {
        for (int i = 0; i < 1_234; i++) {
            fleet.registry.createThing(String.format(Locale.ROOT, "meter-%04d", i), null, Map.of());
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fleet.search("thingName:meter*").size() == 1_234);

        dynamicGroups.create("meters", "thingName:meter*", Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> status("meters") == Status.ACTIVE);
        assertThat(members("meters")).hasSize(1_234).contains("meter-0000", "meter-1233");

        dynamicGroups.changeQuery("meters", "thingName:meter-00*");
        await().atMost(Duration.ofSeconds(10)).until(() -> status("meters") == Status.ACTIVE);
        assertThat(members("meters")).hasSize(100);
    }

    @Test
    void aMalformedQueryCreatesNoGroupAndSaysWhere() {
        assertThatThrownBy(() -> dynamicGroups.create("broken", "shadow.reported.stats.battery<", Map.of()))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("column");
        assertThat(fleet.registry.thingGroup("broken")).isEmpty();
    }

    @Test
    void membershipCatchesUpWithChangesMadeWhileNoInstanceRan() throws Exception {
        dynamicGroups.create("connected", "connectivity.connected:true", Map.of());
        dynamicGroups.create("located", "shadow.reported.location:*", Map.of());
        await().atMost(Duration.ofSeconds(5)).until(() -> members("located").equals(List.of("tv-kitchen")));
        dynamicGroups.close();

        // a command line changes the store; the next instance rebuilds its index and re-evaluates every group
        fleet.updateShadow("sensor-2", "{'state':{'reported':{'location':'Oslo'}}}");
        fleet.index.rebuild();
        dynamicGroups = DynamicThingGroups.start(fleet.registry, fleet.index, fleet.events);
        dynamicGroups.awaitQuiet(5, TimeUnit.SECONDS);

        assertThat(members("located")).containsExactly("sensor-2", "tv-kitchen");
        assertThat(members("connected")).containsExactly("tv-kitchen");
    }
}
