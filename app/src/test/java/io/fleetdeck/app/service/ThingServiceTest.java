package io.fleetdeck.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.InvalidRequestException;
import io.fleetdeck.api.error.ResourceAlreadyExistsException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.error.VersionConflictException;
import io.fleetdeck.api.page.Page;
import io.fleetdeck.api.page.PageRequest;
import io.fleetdeck.api.things.NewThing;
import io.fleetdeck.api.things.ThingChange;
import io.fleetdeck.api.things.ThingDescription;
import io.fleetdeck.api.things.ThingService;
import io.fleetdeck.app.cli.FleetdeckCommand;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.shadow.ShadowLimits;
import io.fleetdeck.fleet.shadow.Shadows;
import io.fleetdeck.fleet.store.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The service API's things as a client sees them, over a real store: answers, typed errors in AWS's words, paging;
 * and the CLI, which calls the same service, refusing with the same code and text.
 */
class ThingServiceTest {

    @TempDir
    Path folder;

    private ThingService things(Database database) {
        Shadows shadows = new Shadows(database, Clock.systemUTC(), ShadowLimits.awsDefaults());
        Registry registry = new Registry(database, Clock.systemUTC());
        return new LocalThings(
                registry,
                thing -> List.of(),
                thing -> Optional.empty(),
                new LocalShadows(shadows, () -> null, registry::thingNames));
    }

    @Test
    void aThingIsCreatedDescribedUpdatedUnderItsVersionAndDeleted() throws Exception {
        try (Database database = Database.sqliteFile(folder.resolve("fleetdeck.db"))) {
            ThingService things = things(database);
            ThingDescription created = things.createThing(new NewThing("pump-7", null, Map.of("serial", "A-7")));

            assertThat(things.describeThing("pump-7")).isEqualTo(created);
            assertThat(created.thingId()).isNotBlank();
            assertThat(created.version()).isEqualTo(1);

            ThingDescription updated =
                    things.updateThing(new ThingChange("pump-7", Map.of("firmwareVersion", "1.10"), true, 1L));
            assertThat(updated.attributes()).containsEntry("serial", "A-7").containsEntry("firmwareVersion", "1.10");
            FleetApiException stale =
                    catchApi(() -> things.updateThing(new ThingChange("pump-7", Map.of("serial", "B"), true, 1L)));
            assertThat(stale).isInstanceOf(VersionConflictException.class);
            assertThat(stale.errorCode()).isEqualTo("VersionConflictException");
            assertThat(stale.httpStatus()).isEqualTo(409);

            things.deleteThing("pump-7");
            assertThatThrownBy(() -> things.describeThing("pump-7"))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessage("no thing named pump-7");
        }
    }

    @Test
    void badRequestsAreRefusedWithAwsCodesAndTheRegistrysWords() throws Exception {
        try (Database database = Database.sqliteFile(folder.resolve("fleetdeck.db"))) {
            ThingService things = things(database);
            things.createThing(new NewThing("pump-7", null, Map.of()));

            assertThatThrownBy(() -> things.createThing(new NewThing("pump-7", null, Map.of())))
                    .isInstanceOf(ResourceAlreadyExistsException.class)
                    .hasMessage("thing pump-7 already exists");
            assertThat(catchApi(() -> things.createThing(new NewThing("pump 7", null, Map.of()))))
                    .isInstanceOf(InvalidRequestException.class)
                    .extracting(FleetApiException::httpStatus)
                    .isEqualTo(400);
            assertThatThrownBy(() -> things.createThing(new NewThing("pump-8", "no-such-type", Map.of())))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> things.addThingToThingGroup("no-such-group", "pump-7"))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void listingGoesPageByPageInNameOrderWithoutRepeatsAndRefusesAForgedToken() throws Exception {
        try (Database database = Database.sqliteFile(folder.resolve("fleetdeck.db"))) {
            ThingService things = things(database);
            for (String name : List.of("valve-2", "pump-1", "meter-9", "pump-10", "valve-1")) {
                things.createThing(new NewThing(name, null, Map.of()));
            }
            List<String> seen = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            Page<ThingDescription> page = things.listThings(PageRequest.first(2));
            while (true) {
                pageSizes.add(page.items().size());
                page.items().forEach(thing -> seen.add(thing.thingName()));
                var next = page.next(2);
                if (next.isEmpty()) {
                    break;
                }
                page = things.listThings(next.get());
            }

            assertThat(seen).containsExactly("meter-9", "pump-1", "pump-10", "valve-1", "valve-2");
            assertThat(pageSizes).containsExactly(2, 2, 1);
            assertThatThrownBy(() -> things.listThings(new PageRequest(2, "%%%")))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("the nextToken %%% is not one this service gave");
            assertThatThrownBy(() -> PageRequest.first(251))
                    .hasMessage("maxResults must be between 1 and 250, not 251");
        }
    }

    @Test
    void theCliRefusesWithTheServicesCodeAndText() throws Exception {
        Path data = folder.resolve("data");
        assertThat(cli("thing", "create", "pump-7", "--data-dir", data.toString())
                        .exitCode())
                .isZero();

        Cli again = cli("thing", "create", "pump-7", "--data-dir", data.toString());

        FleetApiException fromTheApi;
        try (Database database = Database.sqliteFile(data.resolve("fleetdeck.db"))) {
            fromTheApi = catchApi(() -> things(database).createThing(new NewThing("pump-7", null, Map.of())));
        }
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err().strip())
                .isEqualTo("fleetdeck: " + fromTheApi.errorCode() + ": " + fromTheApi.getMessage())
                .isEqualTo("fleetdeck: ResourceAlreadyExistsException: thing pump-7 already exists");
    }

    private record Cli(int exitCode, String err) {}

    private static Cli cli(String... args) {
        StringWriter err = new StringWriter();
        CommandLine line = FleetdeckCommand.commandLine();
        line.setOut(new PrintWriter(new StringWriter(), true));
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute(args);
        return new Cli(exit, err.toString());
    }

    private interface ApiCall {
        void run() throws FleetApiException;
    }

    private static FleetApiException catchApi(ApiCall call) {
        try {
            call.run();
        } catch (FleetApiException e) {
            return e;
        }
        throw new AssertionError("the call was not refused");
    }
}
