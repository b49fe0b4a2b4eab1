package io.fleetdeck.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdeck.api.error.FleetApiException;
import io.fleetdeck.api.error.InternalFailureException;
import io.fleetdeck.api.error.InvalidRequestException;
import io.fleetdeck.api.error.LimitExceededException;
import io.fleetdeck.api.error.ResourceAlreadyExistsException;
import io.fleetdeck.api.error.ResourceNotFoundException;
import io.fleetdeck.api.jobs.JobDescription;
import io.fleetdeck.api.jobs.JobExecutionInfo;
import io.fleetdeck.api.jobs.JobService;
import io.fleetdeck.api.jobs.NewJobRequest;
import io.fleetdeck.fleet.jobs.Job;
import io.fleetdeck.fleet.jobs.JobExecution;
import io.fleetdeck.fleet.jobs.Jobs;
import io.fleetdeck.fleet.jobs.JobsException;
import io.fleetdeck.fleet.jobs.JobsService;
import io.fleetdeck.fleet.jobs.NewJob;
import io.fleetdeck.fleet.jobs.PendingChange;
import io.fleetdeck.fleet.registry.Registry;
import io.fleetdeck.fleet.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@link JobService} over this process's {@link Jobs}: while the broker runs, the things a change concerns hear of it
 * on {@code jobs/notify} and {@code jobs/notify-next} at once. Any thread: {@code Jobs} serialises the changes.
 */
public final class LocalJobs implements JobService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jobs jobs;
    private final Registry registry;
    private final Supplier<@Nullable JobsService> running;

    public LocalJobs(Jobs jobs, Registry registry, Supplier<@Nullable JobsService> running) {
        this.jobs = jobs;
        this.registry = registry;
        this.running = running;
    }

    @Override
    public JobDescription createJob(NewJobRequest request) throws FleetApiException {
        checkDocument(request.document());
        List<String> targets = new ArrayList<>();
        List<String> things = new ArrayList<>();
        for (String thing : request.things()) {
            if (registry.thing(thing).isEmpty()) {
                throw new ResourceNotFoundException("Thing " + thing + " does not exist");
            }
            targets.add("thing/" + thing);
            things.add(thing);
        }
        for (String group : request.groups()) {
            if (registry.thingGroup(group).isEmpty()) {
                throw new ResourceNotFoundException("Thing group " + group + " does not exist");
            }
            targets.add("thinggroup/" + group);
            // a group covers its child groups too (AWS-IOT-BEHAVIOUR §2.7.1), as they are now: SNAPSHOT
            things.addAll(registry.thingsInGroup(group, true));
        }
        Jobs.Created created = change(() -> jobs.create(new NewJob(
                request.jobId(),
                request.document(),
                request.description(),
                targets,
                things,
                request.inProgressTimeoutMinutes())));
        announce(created.changes());
        return describe(created.job());
    }

    @Override
    public JobDescription describeJob(String jobId) throws FleetApiException {
        return describe(job(jobId));
    }

    @Override
    public List<JobExecutionInfo> listJobExecutionsForJob(String jobId) throws FleetApiException {
        job(jobId);
        return read(() -> jobs.executions(jobId)).stream().map(LocalJobs::info).toList();
    }

    @Override
    public JobExecutionInfo describeJobExecution(String jobId, String thingName) throws FleetApiException {
        job(jobId);
        return info(read(() -> jobs.execution(jobId, thingName))
                .orElseThrow(() ->
                        new ResourceNotFoundException("Job " + jobId + " has no execution for thing " + thingName)));
    }

    @Override
    public JobDescription cancelJob(String jobId, boolean force) throws FleetApiException {
        announce(change(() -> jobs.cancel(jobId, force)));
        return describeJob(jobId);
    }

    private void announce(List<PendingChange> changes) {
        JobsService service = running.get();
        if (service != null) {
            service.announce(changes);
        }
    }

    /** A job document is a JSON object of at most 32 KB (AWS-IOT-BEHAVIOUR §2.8); the size is told first. */
    private static void checkDocument(String document) throws FleetApiException {
        int bytes = document.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > Jobs.MAX_DOCUMENT_BYTES) {
            throw new LimitExceededException("The job document is " + bytes + " bytes; a job document may have at"
                    + " most " + Jobs.MAX_DOCUMENT_BYTES + " bytes (32 KB)");
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidRequestException("The job document is not valid JSON: " + e.getOriginalMessage());
        }
        if (parsed == null || !parsed.isObject()) {
            throw new InvalidRequestException("The job document must be a JSON object");
        }
    }

    private Job job(String jobId) throws FleetApiException {
        return read(() -> jobs.job(jobId))
                .orElseThrow(() -> new ResourceNotFoundException("Job " + jobId + " does not exist"));
    }

    private JobDescription describe(Job job) throws FleetApiException {
        Map<String, Long> counts = new LinkedHashMap<>();
        read(() -> jobs.counts(job.jobId())).forEach((status, count) -> counts.put(status.name(), count));
        Long completed = job.completedAt();
        return new JobDescription(
                job.jobId(),
                job.status().name(),
                job.description(),
                job.document(),
                job.targets(),
                job.forceCanceled(),
                job.inProgressTimeoutMinutes(),
                Instant.ofEpochSecond(job.createdAt()),
                Instant.ofEpochSecond(job.lastUpdatedAt()),
                completed == null ? null : Instant.ofEpochSecond(completed),
                counts);
    }

    private static JobExecutionInfo info(JobExecution execution) {
        Long started = execution.startedAt();
        return new JobExecutionInfo(
                execution.jobId(),
                execution.thingName(),
                execution.status().name(),
                execution.statusDetails(),
                Instant.ofEpochSecond(execution.queuedAt()),
                started == null ? null : Instant.ofEpochSecond(started),
                Instant.ofEpochSecond(execution.lastUpdatedAt()),
                execution.versionNumber(),
                execution.executionNumber());
    }

    private interface Change<T> {
        T run() throws JobsException;
    }

    private static <T> T change(Change<T> change) throws FleetApiException {
        try {
            return change.run();
        } catch (JobsException refused) {
            String message = String.valueOf(refused.getMessage());
            throw switch (refused.error()) {
                case RESOURCE_NOT_FOUND -> new ResourceNotFoundException(message);
                case RESOURCE_ALREADY_EXISTS -> new ResourceAlreadyExistsException(message);
                case LIMIT_EXCEEDED -> new LimitExceededException(message);
                case INTERNAL_ERROR -> new InternalFailureException(message);
                default -> new InvalidRequestException(message);
            };
        } catch (StoreException failed) {
            throw ApiErrors.of(failed);
        }
    }

    private static <T> T read(Supplier<T> read) throws FleetApiException {
        try {
            return read.get();
        } catch (StoreException failed) {
            throw ApiErrors.of(failed);
        }
    }
}
