package io.fleetdeck.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fleetdeck search 'QUERY'} on a data folder: matching things one per line, sorted; a bad query exits 2. */
class SearchCliIT {

    @TempDir
    Path temp;

    private FleetdeckProcess run(String... args) throws Exception {
        FleetdeckProcess process = FleetdeckProcess.runOn(temp.resolve("data"), args);
        return process;
    }

    private void succeeds(String... args) throws Exception {
        try (FleetdeckProcess process = run(args)) {
            assertThat(process.awaitExit())
                    .as("%s: %s", String.join(" ", args), process.stderr())
                    .isZero();
        }
    }

    @Test
    void thingsAreFoundByRegistryAndShadowFieldsInNameOrder() throws Exception {
        succeeds("thing", "create", "pump-7", "--attr", "model=P200", "--attr", "serial=7");
        succeeds("thing", "create", "pump-10", "--attr", "model=P200");
        succeeds("thing", "create", "valve-1", "--attr", "model=legacy");
        succeeds("shadow", "update", "pump-10", "{\"state\":{\"reported\":{\"battery\":12}}}");
        succeeds("shadow", "update", "pump-7", "{\"state\":{\"reported\":{\"battery\":80}}}");

        try (FleetdeckProcess search = run("--verbose", "search", "attributes.model:p200")) {
            assertThat(search.awaitExit()).as("stderr %s", search.stderr()).isZero();
            assertThat(search.stdout()).containsExactly("pump-10", "pump-7");
            assertThat(rebuilt(search))
                    .as("the commands changed the store: the index catches up")
                    .isTrue();
        }
        try (FleetdeckProcess search =
                run("search", "shadow.reported.battery<20 OR attributes.model:legacy", "--verbose")) {
            assertThat(search.awaitExit()).isZero();
            assertThat(search.stdout()).containsExactly("pump-10", "valve-1");
            assertThat(rebuilt(search))
                    .as("nothing changed since: the index is used as it is")
                    .isFalse();
        }
        try (FleetdeckProcess stats = run("stats", "attributes.model:p200", "shadow.reported.battery")) {
            assertThat(stats.awaitExit()).as("stderr %s", stats.stderr()).isZero();
            assertThat(stats.stdout().getFirst())
                    .isEqualTo("{\"statistics\":{\"count\":2,\"average\":46.0,\"sum\":92.0,\"minimum\":12.0,"
                            + "\"maximum\":80.0,\"sumOfSquares\":6544.0,\"variance\":1156.0,\"stdDeviation\":34.0}}");
        }
        try (FleetdeckProcess sorted = run("search", "*", "--sort", "shadow.reported.battery", "--descending")) {
            assertThat(sorted.awaitExit()).as("stderr %s", sorted.stderr()).isZero();
            assertThat(sorted.stdout())
                    .as("fullest battery first, the thing without one last")
                    .containsExactly("pump-7", "pump-10", "valve-1");
        }
        try (FleetdeckProcess none = run("search", "thingName:tv*")) {
            assertThat(none.awaitExit()).isZero();
            assertThat(none.stdout()).as("no match prints nothing").isEmpty();
            assertThat(none.stderr())
                    .as("issue 15, defect 11: no log lines and no Lucene warning without --verbose")
                    .isEmpty();
        }
        succeeds("shadow", "update", "valve-1", "{\"state\":{\"reported\":{\"battery\":3}}}");
        try (FleetdeckProcess search = run("--verbose", "search", "shadow.reported.battery<20")) {
            assertThat(search.awaitExit()).isZero();
            assertThat(search.stdout()).containsExactly("pump-10", "valve-1");
            assertThat(rebuilt(search)).isTrue();
        }
        assertThat(temp.resolve("data/index")).isDirectory();
        try (var files = Files.list(temp.resolve("data/index"))) {
            assertThat(files.anyMatch(file -> file.getFileName().toString().startsWith("segments")))
                    .as("the index lives in the data folder")
                    .isTrue();
        }
    }

    /** Whether the command rebuilt the index before it answered (with --verbose, it says so on stderr). */
    private static boolean rebuilt(FleetdeckProcess command) {
        return command.stderr().stream().anyMatch(line -> line.contains("Fleet index rebuilt"));
    }

    @Test
    void aMalformedQueryExitsWithTwoAndShowsWhere() throws Exception {
        try (FleetdeckProcess bad = run("stats", "attributes.x:", "attributes.x")) {
            assertThat(bad.awaitExit()).isEqualTo(2);
            assertThat(String.join("\n", bad.stderr())).contains("fleetdeck: query error:");
        }
        try (FleetdeckProcess bad = run("search", "thingName:pump* AND (attributes.model:x")) {
            assertThat(bad.awaitExit()).isEqualTo(2);
            String stderr = String.join("\n", bad.stderr());
            assertThat(stderr)
                    .contains("  thingName:pump* AND (attributes.model:x")
                    .contains("fleetdeck: query error:");
            assertThat(bad.stdout()).isEmpty();
        }
    }
}
