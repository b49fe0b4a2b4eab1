package io.fleetdeck.fleet.registry;

import static io.fleetdeck.fleet.registry.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.api.event.Change;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.FleetEvent.GroupChanged;
import io.fleetdeck.api.event.FleetEvent.MembershipChanged;
import io.fleetdeck.broker.policy.IotAction;
import io.fleetdeck.broker.tls.CaKeyType;
import io.fleetdeck.broker.tls.CertificateAuthority;
import io.fleetdeck.broker.tls.ServerIdentity;
import io.fleetdeck.fleet.identity.IdentityService;
import io.fleetdeck.fleet.store.Database;
import io.fleetdeck.fleet.store.StoreKind;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
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
 * The registry's rules (AWS-IOT-BEHAVIOUR §4) on a real store, SQLite and PostgreSQL, and group policies reaching
 * things.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreKind.class)
class RegistryTest {

    private final StoreKind store;

    RegistryTest(StoreKind store) {
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
    void aThingWithoutTypeHasAtMostThreeAttributesAndUpdatesAreVersioned() throws Exception {
        assertThat(refusal(() -> registry.createThing("pump-1", null, Map.of("a", "1", "b", "2", "c", "3", "d", "4")))
                        .getMessage())
                .contains("more than the 3 allowed without a thing type");
        registry.createThingType("pump", "Water pumps", List.of("site"));
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            many.put("k" + i, "v" + i);
        }
        Thing typed = registry.createThing("pump-1", "pump", many);
        assertThat(typed.version()).isEqualTo(1);

        Thing merged = registry.updateThing("pump-1", Map.of("k0", "", "site", "north"), true, 1L);
        assertThat(merged.version()).isEqualTo(2);
        assertThat(merged.attributes())
                .doesNotContainKey("k0")
                .containsEntry("site", "north")
                .containsEntry("k1", "v1");
        assertThat(refusal(() -> registry.updateThing("pump-1", Map.of("x", "y"), true, 1L))
                        .code())
                .isEqualTo(RegistryException.VERSION_CONFLICT);
        assertThat(registry.thing("pump-1").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void aDeprecatedTypeTakesNoNewThingsButKeepsItsOwn() throws Exception {
        registry.createThingType("meter", null, List.of());
        registry.createThing("meter-1", "meter", Map.of());
        registry.deprecateThingType("meter", false);

        assertThat(refusal(() -> registry.createThing("meter-2", "meter", Map.of()))
                        .getMessage())
                .contains("deprecated");
        assertThat(registry.thing("meter-1").orElseThrow().thingType()).isEqualTo("meter");
        registry.deprecateThingType("meter", true);
        registry.createThing("meter-2", "meter", Map.of());
    }

    @Test
    void groupsNestSevenDeepAndAThingJoinsOneGroupPerHierarchy() throws Exception {
        String parent = null;
        for (int level = 1; level <= 7; level++) {
            registry.createThingGroup("level-" + level, parent, Map.of());
            parent = "level-" + level;
        }
        assertThat(refusal(() -> registry.createThingGroup("level-8", "level-7", Map.of()))
                        .code())
                .isEqualTo(RegistryException.LIMIT_EXCEEDED);
        assertThat(registry.thingGroup("level-4").orElseThrow().rootToParent())
                .containsExactly("level-1", "level-2", "level-3");

        registry.createThing("valve-1", null, Map.of());
        registry.addThingToGroup("level-5", "valve-1");
        assertThat(refusal(() -> registry.addThingToGroup("level-2", "valve-1")).getMessage())
                .contains("same hierarchy (level-1)");
        registry.createThingGroup("site-north", null, Map.of("region", "north"));
        registry.addThingToGroup("site-north", "valve-1");

        assertThat(registry.thing("valve-1").orElseThrow().groups()).containsExactly("level-5", "site-north");
        assertThat(registry.thingsInGroup("level-3", true)).containsExactly("valve-1");
        assertThat(registry.thingsInGroup("level-3", false)).isEmpty();
        assertThat(events)
                .contains(new MembershipChanged("site-north", "valve-1", true, false))
                .contains(new GroupChanged("level-7", Change.CREATED));
    }

    @Test
    void aPolicyOnAGroupReachesTheThingsOfItsDescendantsWhenTheClientIdIsTheThing() throws Exception {
        ServerIdentity.loadOrCreate(
                folder.resolve("pki"), folder.resolve("provisioning/root-ca.pem"), Clock.systemUTC());
        IdentityService identities = IdentityService.open(
                database, CertificateAuthority.load(folder.resolve("pki"), Clock.systemUTC()), Clock.systemUTC());
        // the identities drop their decisions within the change, before its events go anywhere else
        Registry registry = new Registry(database, Clock.systemUTC(), identities::registryChanged);
        identities.inheritGroupPoliciesFrom(registry::groupsWithAncestors);
        registry.createThingGroup("plant", null, Map.of());
        registry.createThingGroup("line-3", "plant", Map.of());
        registry.createThing("press-9", null, Map.of());
        var issued = identities.createKeysAndCertificate("press-9", CaKeyType.EC_P256, true);
        identities.attachThingPrincipal("press-9", issued.certificate().id());
        identities.createPolicy(
                "plant-telemetry",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\","
                        + "\"Resource\":\"arn:aws:iot:*:*:topic/plant/${iot:Connection.Thing.ThingName}/*\"}]}");
        identities.attachPolicyToGroup("plant-telemetry", "plant");
        String id = issued.certificate().id();

        assertThat(identities
                        .simulate(id, "press-9", IotAction.PUBLISH, "plant/press-9/t")
                        .allowed())
                .isFalse();
        registry.addThingToGroup("line-3", "press-9");
        var decision = identities.simulate(id, "press-9", IotAction.PUBLISH, "plant/press-9/t");
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.policyDecision().explanation()).contains("plant-telemetry (group plant)");
        assertThat(identities
                        .simulate(id, "someone-else", IotAction.PUBLISH, "plant/press-9/t")
                        .allowed())
                .as("group policies apply only when the client id is the thing")
                .isFalse();

        registry.renameThingGroup("plant", "plant-east");
        assertThat(identities.groupPolicies("plant-east")).containsExactly("plant-telemetry");
        assertThat(identities
                        .simulate(id, "press-9", IotAction.PUBLISH, "plant/press-9/t")
                        .policyDecision()
                        .explanation())
                .as("the policy follows the renamed group")
                .contains("plant-telemetry (group plant-east)");
        registry.moveThingGroup("line-3", null);
        registry.deleteThingGroup("plant-east");
        assertThat(identities.groupPolicies("plant-east")).isEmpty();
        assertThat(identities
                        .simulate(id, "press-9", IotAction.PUBLISH, "plant/press-9/t")
                        .allowed())
                .as("line-3 moved out of plant-east, which was then deleted: its policy reaches press-9 no more")
                .isFalse();
    }
}
