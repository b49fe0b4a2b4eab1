package io.fleetdeck.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetdeck.api.error.InvalidRequestException;
import io.fleetdeck.api.error.LimitExceededException;
import io.fleetdeck.api.error.ResourceAlreadyExistsException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.event.EventKind;
import io.fleetdeck.api.event.EventSubscription;
import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.api.event.SubscriptionOptions;
import io.fleetdeck.api.jobs.JobDescription;
import io.fleetdeck.api.jobs.NewJobRequest;
import io.fleetdeck.fleet.events.FleetEventHub;
import io.fleetdeck.fleet.jobs.Jobs;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jobs service API on a real SQLite store and registry: targets, counts, refusals, cancel, events. */
class LocalJobsTest {

    @TempDir
    Path folder;

    private Database database;
    private Registry registry;
    private Jobs jobs;
    private LocalJobs service;
    private final FleetEventHub events = new FleetEventHub();

    @BeforeEach
    void open() throws Exception {
        database = Database.sqliteFile(folder.resolve("fleetdeck.db"));
        registry = new Registry(database, Clock.systemUTC());
        jobs = new Jobs(database, Clock.systemUTC(), events);
        service = new LocalJobs(jobs, registry, () -> null);
        for (String thing : List.of("pump-1", "pump-2", "pump-3")) {
            registry.createThing(thing, null, Map.of());
        }
        registry.createThingGroup("floor-1", null, Map.of());
        registry.createThingGroup("room-a", "floor-1", Map.of());
        registry.addThingToGroup("room-a", "pump-2");
        registry.addThingToGroup("floor-1", "pump-3");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static NewJobRequest request(String id, String document, List<String> things, List<String> groups) {
        return new NewJobRequest(id, document, "reboot", things, groups, null);
    }

    @Test
    void aGroupTargetQueuesItsThingsAndItsChildGroupsThingsOnce() throws Exception {
        JobDescription created = service.createJob(
                request("reboot-1", "{\"operation\":\"reboot\"}", List.of("pump-1", "pump-3"), List.of("floor-1")));
        assertThat(created.status()).isEqualTo("IN_PROGRESS");
        assertThat(created.executionCounts()).containsEntry("QUEUED", 3L).containsEntry("SUCCEEDED", 0L);
        assertThat(created.targets()).containsExactly("thing/pump-1", "thing/pump-3", "thinggroup/floor-1");
        assertThat(service.listJobExecutionsForJob("reboot-1"))
                .extracting(e -> e.thingName() + " " + e.status() + " v" + e.versionNumber())
                .containsExactlyInAnyOrder("pump-1 QUEUED v1", "pump-2 QUEUED v1", "pump-3 QUEUED v1");
        // SNAPSHOT: a thing that joins the group later gets no execution
        registry.addThingToGroup("floor-1", "pump-1");
        registry.createThing("pump-4", null, Map.of());
        registry.addThingToGroup("floor-1", "pump-4");
        assertThat(service.describeJob("reboot-1").executionCounts()).containsEntry("QUEUED", 3L);
        assertThatThrownBy(() -> service.describeJobExecution("reboot-1", "pump-4"))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aDocumentOver32KbIsALimitExceeded() {
        String big = "{\"blob\":\"" + "x".repeat(32_768) + "\"}";
        assertThatThrownBy(() -> service.createJob(request("big", big, List.of("pump-1"), List.of())))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("32768 bytes");
        assertThatThrownBy(() -> service.createJob(request("bad", "[1]", List.of("pump-1"), List.of())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> service.createJob(request("bad json", "{}", List.of("pump-1"), List.of())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Job id");
        assertThatThrownBy(() -> service.createJob(request("none", "{}", List.of(), List.of())))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.createJob(request("ghost", "{}", List.of("pump-9"), List.of())))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("pump-9");
        assertThat(jobs.jobs()).as("nothing refused was kept").isEmpty();
    }

    @Test
    void aJobIdIsUsedOnce() throws Exception {
        service.createJob(request("reboot-1", "{}", List.of("pump-1"), List.of()));
        assertThatThrownBy(() -> service.createJob(request("reboot-1", "{}", List.of("pump-2"), List.of())))
                .isInstanceOf(ResourceAlreadyExistsException.class);
    }

    @Test
    void cancelStopsQueuedExecutionsAndForceStopsRunningOnes() throws Exception {
        service.createJob(request("reboot-1", "{}", List.of("pump-1", "pump-2"), List.of()));
        jobs.startNext("pump-1", null, null);
        JobDescription canceled = service.cancelJob("reboot-1", false);
        assertThat(canceled.status()).isEqualTo("CANCELED");
        assertThat(canceled.forceCanceled()).isFalse();
        assertThat(canceled.executionCounts()).containsEntry("CANCELED", 1L).containsEntry("IN_PROGRESS", 1L);
        assertThatThrownBy(() -> service.cancelJob("reboot-1", true))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("CANCELED");

        service.createJob(request("reboot-2", "{}", List.of("pump-3"), List.of()));
        jobs.startNext("pump-3", null, null);
        JobDescription forced = service.cancelJob("reboot-2", true);
        assertThat(forced.forceCanceled()).isTrue();
        assertThat(forced.executionCounts()).containsEntry("CANCELED", 1L).containsEntry("IN_PROGRESS", 0L);
    }

    @Test
    void jobAndExecutionChangesTravelAsFleetEvents() throws Exception {
        try (EventSubscription subscription = events.subscribe(
                SubscriptionOptions.durable("jobs-test", EventKind.JOB_CHANGED, EventKind.JOB_EXECUTION_CHANGED))) {
            service.createJob(request("reboot-1", "{}", List.of("pump-1"), List.of()));
            jobs.startNext("pump-1", null, null);
            List<FleetEvent> seen = subscription.poll(Duration.ofSeconds(5), 10);
            assertThat(seen)
                    .containsExactly(
                            new FleetEvent.JobChanged("reboot-1", "IN_PROGRESS"),
                            new FleetEvent.JobExecutionChanged("reboot-1", "pump-1", 1, "QUEUED", 1),
                            new FleetEvent.JobExecutionChanged("reboot-1", "pump-1", 1, "IN_PROGRESS", 2));
        }
    }
}
