package io.fleetdeck.fleet.registry;

import static io.fleetdeck.fleet.registry.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.api.event.Change;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvent.GroupChanged;
import io.fleetdeck.api.event.FleetEvent.MembershipChanged;
import io.fleetdeck.broker.tls.CertificateAuthority;
import io.fleetdeck.broker.tls.ServerIdentity;
import io.fleetdeck.fleet.identity.IdentityException;
import io.fleetdeck.fleet.identity.IdentityService;
import io.fleetdeck.fleet.registry.DynamicMembershipChange.Membership;
import io.fleetdeck.fleet.registry.ThingGroup.DynamicMembership.Status;
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

/**
 * The registry's side of dynamic thing groups (AWS-IOT-BEHAVIOUR §3.5) on a real store: no hierarchy, no hand-made
 * membership, no policies, status, and the ten-groups rule with older dynamic groups first. Which things match is the
 * fleet index's part (fleet-index's DynamicThingGroupsTest).
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreKind.class)
class DynamicGroupRegistryTest {

    private final StoreKind store;

    DynamicGroupRegistryTest(StoreKind store) {
        this.store = store.assumeAvailable();
    }

    @TempDir
    Path folder;

    private Database database;
    private Registry registry;
    private final List<FleetEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        database = store.open(folder);
        registry = new Registry(database, Clock.systemUTC(), event -> events.add(event));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aDynamicGroupIsBuildingUntilItsMembersAreChosenAndThenActive() throws Exception {
        ThingGroup created =
                registry.createDynamicThingGroup("lowBattery", "shadow.reported.battery<90", "2017-09-30", Map.of());

        assertThat(created.isDynamic()).isTrue();
        assertThat(created.dynamic().status()).isEqualTo(Status.BUILDING);
        assertThat(created.dynamic().queryString()).isEqualTo("shadow.reported.battery<90");
        assertThat(events).contains(new GroupChanged("lowBattery", Change.CREATED));

        registry.dynamicGroupBuilt("lowBattery", "shadow.reported.battery<90");
        assertThat(registry.thingGroup("lowBattery").orElseThrow().dynamic().status())
                .isEqualTo(Status.ACTIVE);

        registry.updateDynamicThingGroupQuery("lowBattery", "shadow.reported.battery<50");
        assertThat(registry.thingGroup("lowBattery").orElseThrow().dynamic().status())
                .isEqualTo(Status.REBUILDING);
        registry.dynamicGroupBuilt("lowBattery", "shadow.reported.battery<90");
        assertThat(registry.thingGroup("lowBattery").orElseThrow().dynamic().status())
                .as("a build for the old query does not finish the new one")
                .isEqualTo(Status.REBUILDING);
    }

    @Test
    void aDynamicGroupHasNoHierarchyNoHandMadeMembersAndNoRename() throws Exception {
        registry.createThing("tv-kitchen", null, Map.of());
        registry.createThingGroup("home", null, Map.of());
        registry.createDynamicThingGroup("lowBattery", "shadow.reported.battery<90", "2017-09-30", Map.of());

        assertThat(refusal(() -> registry.createThingGroup("child", "lowBattery", Map.of()))
                        .getMessage())
                .isEqualTo("dynamic thing group lowBattery cannot have child groups");
        assertThat(refusal(() -> registry.moveThingGroup("home", "lowBattery")).code())
                .isEqualTo(RegistryException.INVALID_REQUEST);
        assertThat(refusal(() -> registry.moveThingGroup("lowBattery", "home")).getMessage())
                .contains("cannot be moved");
        assertThat(refusal(() -> registry.renameThingGroup("lowBattery", "low")).getMessage())
                .contains("cannot be renamed");
        assertThat(refusal(() -> registry.addThingToGroup("lowBattery", "tv-kitchen"))
                        .getMessage())
                .contains("its query chooses its members");
        assertThat(refusal(() -> registry.createDynamicThingGroup("home", "*", "2017-09-30", Map.of()))
                        .code())
                .isEqualTo(RegistryException.ALREADY_EXISTS);
        assertThat(refusal(() -> registry.createDynamicThingGroup("empty", "", "2017-09-30", Map.of()))
                        .getMessage())
                .contains("1-1000 characters");
    }

    @Test
    void membershipFollowsTheChangesTheIndexReportsWithEvents() throws Exception {
        registry.createThing("tv-kitchen", null, Map.of());
        registry.createThing("tv-plasma", null, Map.of());
        registry.createThingGroup("home", null, Map.of());
        registry.addThingToGroup("home", "tv-kitchen");
        registry.createDynamicThingGroup("lowBattery", "shadow.reported.battery<90", "2017-09-30", Map.of());

        DynamicMembershipChange change =
                registry.changeDynamicMembership("lowBattery", List.of("tv-kitchen", "no-such-thing"), List.of());

        assertThat(change.added()).containsExactly("tv-kitchen");
        assertThat(registry.thingsInGroup("lowBattery", false)).containsExactly("tv-kitchen");
        assertThat(registry.dynamicGroupsOf("tv-kitchen")).containsExactly("lowBattery");
        assertThat(registry.thing("tv-kitchen").orElseThrow().groups())
                .as("a thing's groups are the static ones; the index does not feed dynamic membership back")
                .containsExactly("home");
        assertThat(registry.membersByGroup()).containsEntry("lowBattery", List.of("tv-kitchen"));
        assertThat(events).contains(new MembershipChanged("lowBattery", "tv-kitchen", true, true));

        change = registry.changeDynamicMembership("lowBattery", List.of("tv-plasma"), List.of("tv-kitchen"));
        assertThat(change.added()).containsExactly("tv-plasma");
        assertThat(change.removed()).containsExactly(new Membership("lowBattery", "tv-kitchen"));
        assertThat(registry.thingsInGroup("lowBattery", false)).containsExactly("tv-plasma");
        assertThat(events).contains(new MembershipChanged("lowBattery", "tv-kitchen", false, true));

        events.clear();
        registry.deleteThingGroup("lowBattery");
        assertThat(events)
                .containsExactly(
                        new MembershipChanged("lowBattery", "tv-plasma", false, true),
                        new GroupChanged("lowBattery", Change.DELETED));
        assertThat(registry.dynamicGroupsOf("tv-plasma")).isEmpty();
    }

    @Test
    void aThingInTenGroupsGoesToTheOlderDynamicGroupAndAStaticAddMayOverride() throws Exception {
        registry.createThing("meter-1", null, Map.of());
        for (int i = 1; i <= 9; i++) {
            registry.createThingGroup("site-" + i, null, Map.of());
            registry.addThingToGroup("site-" + i, "meter-1");
        }
        registry.createDynamicThingGroup("dyn-a-older", "*", "2017-09-30", Map.of());
        registry.createDynamicThingGroup("dyn-b-newer", "*", "2017-09-30", Map.of());
        registry.createDynamicThingGroup("dyn-c-newest", "*", "2017-09-30", Map.of());

        assertThat(registry.changeDynamicMembership("dyn-b-newer", List.of("meter-1"), List.of())
                        .added())
                .containsExactly("meter-1");
        DynamicMembershipChange older = registry.changeDynamicMembership("dyn-a-older", List.of("meter-1"), List.of());
        assertThat(older.added()).containsExactly("meter-1");
        assertThat(older.removed()).containsExactly(new Membership("dyn-b-newer", "meter-1"));
        DynamicMembershipChange newest =
                registry.changeDynamicMembership("dyn-c-newest", List.of("meter-1"), List.of());
        assertThat(newest.added()).isEmpty();
        assertThat(newest.refused()).isEqualTo(1);
        assertThat(registry.dynamicGroupsOf("meter-1")).containsExactly("dyn-a-older");

        registry.createThingGroup("site-10", null, Map.of());
        assertThat(refusal(() -> registry.addThingToGroup("site-10", "meter-1")).code())
                .isEqualTo(RegistryException.LIMIT_EXCEEDED);
        registry.addThingToGroup("site-10", "meter-1", true);
        assertThat(registry.thing("meter-1").orElseThrow().groups()).contains("site-10");
        assertThat(registry.dynamicGroupsOf("meter-1")).isEmpty();
        assertThat(events).contains(new MembershipChanged("dyn-a-older", "meter-1", false, true));
    }

    @Test
    void aPolicyCannotBeAttachedToADynamicGroup() throws Exception {
        ServerIdentity.loadOrCreate(
                folder.resolve("pki"), folder.resolve("provisioning/root-ca.pem"), Clock.systemUTC());
        IdentityService identities = IdentityService.open(
                database, CertificateAuthority.load(folder.resolve("pki"), Clock.systemUTC()), Clock.systemUTC());
        identities.refusePoliciesOnDynamicGroups(
                group -> registry.thingGroup(group).map(ThingGroup::isDynamic).orElse(false));
        identities.createPolicy(
                "telemetry",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\","
                        + "\"Resource\":\"*\"}]}");
        registry.createDynamicThingGroup("lowBattery", "shadow.reported.battery<90", "2017-09-30", Map.of());

        IdentityException refused = null;
        try {
            identities.attachPolicyToGroup("telemetry", "lowBattery");
        } catch (IdentityException e) {
            refused = e;
        }

        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo(IdentityException.INVALID_REQUEST);
        assertThat(refused.getMessage()).contains("dynamic thing group lowBattery");
        assertThat(identities.groupPolicies("lowBattery")).isEmpty();
    }
}
