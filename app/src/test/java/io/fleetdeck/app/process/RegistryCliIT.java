package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code thing create|delete} and {@code group create|add} on a data folder, with the registry's rules. */
class RegistryCliIT {

    @TempDir
    Path temp;

    private FleetdeckProcess run(String... args) throws Exception {
        return FleetdeckProcess.runOn(temp.resolve("data"), args);
    }

    @Test
    void aSiteBuildingFloorHierarchyWithThingsInIt() throws Exception {
        try (FleetdeckProcess site = run("group", "create", "site-north");
                FleetdeckProcess building = run("group", "create", "building-a", "--parent", "site-north");
                FleetdeckProcess floor = run("group", "create", "floor-2", "--parent", "building-a")) {
            assertThat(floor.awaitExit()).as("stderr %s", floor.stderr()).isZero();
            assertThat(floor.stdout()).containsExactly("group floor-2 under site-north / building-a");
        }
        try (FleetdeckProcess thing = run(
                "thing", "create", "pump-7", "--attr", "model=P200", "--attr", "serial=SN-7", "--group", "floor-2")) {
            assertThat(thing.awaitExit()).as("stderr %s", thing.stderr()).isZero();
            assertThat(thing.stdout()).containsExactly("thing pump-7 version 1 in floor-2");
        }
        try (FleetdeckProcess second = run("group", "add", "building-a", "pump-7")) {
            assertThat(second.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", second.stderr()))
                    .contains("InvalidRequestException")
                    .contains("same hierarchy (site-north)");
        }
        try (FleetdeckProcess delete = run("thing", "delete", "pump-7")) {
            assertThat(delete.awaitExit()).isZero();
        }
        try (FleetdeckProcess again = run("thing", "delete", "pump-7")) {
            assertThat(again.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", again.stderr())).contains("ResourceNotFoundException: no thing named pump-7");
        }
    }

    @Test
    void fourAttributesWithoutATypeAreRefused() throws Exception {
        try (FleetdeckProcess thing =
                run("thing", "create", "meter-1", "--attr", "a=1", "--attr", "b=2", "--attr", "c=3", "--attr", "d=4")) {
            assertThat(thing.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", thing.stderr())).contains("more than the 3 allowed without a thing type");
        }
    }
}
