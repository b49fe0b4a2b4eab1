package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetdeck.api.shadows.ShadowWithoutAThing;
import io.fleetdeck.app.service.LocalShadows;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.shadow.ShadowLimits;
import io.fleetdeck.fleet.shadow.Shadows;
import io.fleetdeck.fleet.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shadow get} and {@code shadow update} on a data folder, with the rules and errors devices meet. */
class ShadowCliIT {

    @TempDir
    Path temp;

    private FleetdeckProcess run(String... args) throws Exception {
        return FleetdeckProcess.runOn(temp.resolve("data"), args);
    }

    @Test
    void anOperatorUpdateIsStoredAndReadBackWithItsDelta() throws Exception {
        try (FleetdeckProcess update = run(
                "shadow",
                "update",
                "pump-7",
                "{\"state\":{\"desired\":{\"speed\":1200},\"reported\":{\"speed\":900}}}")) {
            assertThat(update.awaitExit()).as("stderr %s", update.stderr()).isZero();
            assertThat(update.stdout().getFirst()).contains("\"version\":1").contains("\"speed\":1200");
        }
        try (FleetdeckProcess get = run("shadow", "get", "pump-7")) {
            assertThat(get.awaitExit()).isZero();
            assertThat(get.stdout().getFirst())
                    .contains("\"desired\":{\"speed\":1200}")
                    .contains("\"reported\":{\"speed\":900}")
                    .contains("\"delta\":{\"speed\":1200}");
        }
        try (FleetdeckProcess named =
                run("shadow", "update", "pump-7", "--name", "config", "{\"state\":{\"desired\":{\"mode\":\"eco\"}}}")) {
            assertThat(named.awaitExit()).isZero();
        }
        try (FleetdeckProcess classic = run("shadow", "get", "pump-7")) {
            assertThat(classic.stdout().getFirst()).doesNotContain("eco");
        }
    }

    /** The operator's update meets the same strict JSON as a device's (issue 13, defect 3): one line, exit 2. */
    @Test
    void anUpdateThatAwsWouldRefuseIsRefusedInOneLineAndNothingIsStored() throws Exception {
        try (FleetdeckProcess twice = run(
                "shadow",
                "update",
                "pump-7",
                "{\"state\":{\"desired\":{\"a\":1}},\"state\":{\"reported\":{\"a\":2}}}")) {
            assertThat(twice.awaitExit()).isEqualTo(2);
            assertThat(twice.stderr())
                    .containsExactly(
                            "fleetdeck: 400 Invalid JSON: the key \"state\" appears twice at line 1, column 37");
        }
        try (FleetdeckProcess infinite = run("shadow", "update", "pump-7", "{\"state\":{\"desired\":{\"a\":1e999}}}")) {
            assertThat(infinite.awaitExit()).isEqualTo(2);
            assertThat(infinite.stderr())
                    .containsExactly(
                            "fleetdeck: 400 Invalid JSON: the number 1e999 is too large (beyond ±1.8e308) at line 1, column 26");
        }
        try (FleetdeckProcess argumentFile = run("shadow", "update", "pump-7", "@/dev/zero")) {
            assertThat(argumentFile.awaitExit())
                    .as("an argument is taken as typed, never as a file of arguments to read whole")
                    .isEqualTo(2);
            assertThat(argumentFile.stderr())
                    .singleElement()
                    .asString()
                    .startsWith("fleetdeck: 400 Invalid JSON at line 1, column 1: ");
        }
        try (FleetdeckProcess get = run("shadow", "get", "pump-7")) {
            assertThat(get.awaitExit()).as("nothing was stored").isEqualTo(2);
        }
    }

    @Test
    void aDatabaseUrlPutsTheStoreWhereItSays() throws Exception {
        Path elsewhere = temp.resolve("site-store.db");
        String url = "jdbc:sqlite:" + elsewhere;
        try (FleetdeckProcess update =
                run("shadow", "update", "pump-9", "--database-url", url, "{\"state\":{\"reported\":{\"rpm\":5}}}")) {
            assertThat(update.awaitExit()).as("stderr %s", update.stderr()).isZero();
        }
        assertThat(elsewhere).isNotEmptyFile();
        try (FleetdeckProcess local = run("shadow", "get", "pump-9")) {
            assertThat(local.awaitExit())
                    .as("the data folder's own store has no such shadow")
                    .isEqualTo(2);
        }
        try (FleetdeckProcess fromEnvironment = FleetdeckProcess.start(
                environment -> environment.put("FLEETDECK_DATABASE_URL", url),
                "shadow",
                "get",
                "pump-9",
                "--data-dir",
                temp.resolve("data").toString())) {
            assertThat(fromEnvironment.awaitExit()).isZero();
            assertThat(fromEnvironment.stdout().getFirst()).contains("\"rpm\":5");
        }
    }

    @Test
    void errorsAreAwsCodesAndMessagesWithExitCode2() throws Exception {
        try (FleetdeckProcess missing = run("shadow", "get", "pump-8")) {
            assertThat(missing.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", missing.stderr())).contains("404 No shadow exists with name: 'pump-8'");
        }
        try (FleetdeckProcess invalid = run("shadow", "update", "pump-8", "{\"foo\":1}")) {
            assertThat(invalid.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", invalid.stderr())).contains("400 Missing required node: state");
        }
    }

    /**
     * Issue 15, defect 12: broken JSON said "400 Invalid JSON" and not where. The code and AWS's text stay (a device
     * reads them on rejected); the command adds the line and column, as the console's editor shows them.
     */
    @Test
    void brokenJsonIsRefusedWithWhereItBreaks() throws Exception {
        try (FleetdeckProcess cut = run("shadow", "update", "pump-7", "{\"state\":{\"desired\":\n{\"a\":1,}}}")) {
            assertThat(cut.awaitExit()).isEqualTo(2);
            assertThat(cut.stderr())
                    .singleElement()
                    .asString()
                    .startsWith("fleetdeck: 400 Invalid JSON at line 2, column 8: ");
        }
        try (FleetdeckProcess twice =
                run("shadow", "update", "pump-7", "{\"state\":{\"desired\":{\"a\":1}},\"state\":{}}")) {
            assertThat(twice.awaitExit()).isEqualTo(2);
            assertThat(twice.stderr())
                    .containsExactly(
                            "fleetdeck: 400 Invalid JSON: the key \"state\" appears twice at line 1, column 37");
        }
    }

    /**
     * Issue 15, defect 14: a shadow for a name no thing has is kept, as AWS keeps it, but a typo no longer passes in
     * silence; the service lists such shadows.
     */
    @Test
    void aShadowWithoutAThingIsKeptWithANote() throws Exception {
        try (FleetdeckProcess update = run("shadow", "update", "nosuch", "{\"state\":{\"reported\":{\"a\":1}}}")) {
            assertThat(update.awaitExit()).as("stderr %s", update.stderr()).isZero();
            assertThat(update.stdout().getFirst()).contains("\"version\":1");
            assertThat(update.stderr())
                    .containsExactly("fleetdeck: note: no thing named 'nosuch' is registered; its shadow is kept all"
                            + " the same (AWS allows shadows without a thing)");
        }
        try (FleetdeckProcess create = run("thing", "create", "pump-9")) {
            assertThat(create.awaitExit()).isZero();
        }
        try (FleetdeckProcess update = run("shadow", "update", "pump-9", "{\"state\":{\"reported\":{\"a\":1}}}")) {
            assertThat(update.awaitExit()).isZero();
            assertThat(update.stderr()).isEmpty();
        }
    }

    /**
     * Issue 15, defect 14: what the console's filter "shadows without a thing" reads, after the real command kept such
     * a shadow and until the real command registers its thing.
     */
    @Test
    void theShadowTheCommandKeptIsListedWithoutAThingUntilTheThingIsCreated() throws Exception {
        try (FleetdeckProcess update = run("shadow", "update", "nosuch", "{\"state\":{\"reported\":{\"a\":1}}}")) {
            assertThat(update.awaitExit()).as("stderr %s", update.stderr()).isZero();
        }
        try (FleetdeckProcess update =
                run("shadow", "update", "nosuch", "--name", "config", "{\"state\":{\"reported\":{\"a\":2}}}")) {
            assertThat(update.awaitExit()).as("stderr %s", update.stderr()).isZero();
        }
        assertThat(shadowsWithoutAThing())
                .extracting(
                        ShadowWithoutAThing::thingName, ShadowWithoutAThing::shadowName, ShadowWithoutAThing::version)
                .containsExactly(tuple("nosuch", "", 1L), tuple("nosuch", "config", 1L));

        try (FleetdeckProcess create = run("thing", "create", "nosuch")) {
            assertThat(create.awaitExit()).isZero();
        }
        assertThat(shadowsWithoutAThing()).isEmpty();
    }

    /** The service the console asks, over the data folder the command wrote, with no instance running. */
    private List<ShadowWithoutAThing> shadowsWithoutAThing() throws Exception {
        try (Database database = Database.sqliteFile(temp.resolve("data").resolve("fleetdeck.db"));
                Shadows store = new Shadows(database, Clock.systemUTC(), ShadowLimits.awsDefaults())) {
            Registry registry = new Registry(database, Clock.systemUTC());
            return new LocalShadows(store, () -> null, registry::thingNames).shadowsWithoutAThing();
        }
    }
}
