package io.fleetdeck.fleet.jobs;

import io.fleetdeck.api.event.FleetEvent;
import io.fleetdeck.fleet.events.FleetEventSink;
import io.fleetdeck.fleet.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Jobs and their executions in the store, and every change to them under the rules of AWS-IOT-BEHAVIOUR §2: the
 * device's requests (§2.2) through the state machine (§2.5), the operator's create and cancel, and the timers (§2.7.4).
 * Each change is committed before it is answered, then published as fleet events; what it did to a thing's pending
 * executions is returned so the MQTT side can notify the device (§2.6).
 *
 * <p>Thread-safe: changes are serialised on this object, so a check and the write it guards see the same rows.
 */
public final class Jobs {

    /** AWS's limit on a job document (§2.8). */
    public static final int MAX_DOCUMENT_BYTES = JobRules.MAX_DOCUMENT_BYTES;

    private final Database database;
    private final Clock clock;
    private final FleetEventSink events;

    public Jobs(Database database, Clock clock, FleetEventSink events) {
        this.database = database;
        this.clock = clock;
        this.events = events;
    }

    /** What a device's request changed, once committed: the execution as it now stands, and the pending list. */
    public record Changed(
            @Nullable JobExecution execution, @Nullable String document, List<PendingChange> changes) {
        public Changed {
            changes = List.copyOf(changes);
        }
    }

    /** A thing's pending executions (GetPendingJobExecutions), IN_PROGRESS first, each in queue order. */
    public List<JobExecution> pending(String thing) {
        return database.read(connection -> JobStore.pending(connection, thing));
    }

    // ---- the device's requests ----

    /** StartNextPendingJobExecution (§2.2): the oldest IN_PROGRESS execution as it is, else the oldest QUEUED started. */
    public synchronized Changed startNext(
            String thing, @Nullable Map<String, String> statusDetails, @Nullable Integer stepTimeoutInMinutes)
            throws JobsException {
        if (statusDetails != null) {
            JobRules.checkStatusDetails(statusDetails);
        }
        JobRules.checkStepTimeout(stepTimeoutInMinutes);
        return commit(connection -> {
            List<JobExecution> before = JobStore.pending(connection, thing);
            if (before.isEmpty()) {
                return new Changed(null, null, List.of());
            }
            JobExecution next = before.getFirst();
            Job job = job(connection, next.jobId());
            if (next.status() == JobExecutionStatus.IN_PROGRESS) {
                return new Changed(next, job.document(), List.of());
            }
            long now = now();
            JobExecution started = new JobExecution(
                    next.jobId(),
                    thing,
                    next.executionNumber(),
                    next.queueOrder(),
                    JobExecutionStatus.IN_PROGRESS,
                    statusDetails == null ? next.statusDetails() : statusDetails,
                    next.queuedAt(),
                    now,
                    now,
                    next.versionNumber() + 1,
                    stepDeadline(now, stepTimeoutInMinutes, null),
                    inProgressDeadline(job, now));
            return changed(connection, thing, before, started, job);
        });
    }

    /**
     * DescribeJobExecution (§2.2): {@code $next} is the execution start-next would pick; without an execution number,
     * the latest run.
     */
    public synchronized Changed describe(String thing, String jobId, @Nullable Long executionNumber)
            throws JobsException {
        return commit(connection -> {
            JobExecution execution = execution(connection, thing, jobId, executionNumber);
            if (execution.status().terminal() && !"$next".equals(jobId)) {
                // AWS-IOT-BEHAVIOUR §2.4: a describe aimed at an execution that is over
                throw new JobsException(
                        JobError.TERMINAL_STATE_REACHED,
                        "Job execution " + jobId + " for " + thing + " is in the terminal state " + execution.status());
            }
            return new Changed(execution, job(connection, execution.jobId()).document(), List.of());
        });
    }

    /** UpdateJobExecution (§2.2): the device moves its execution on, under the state machine of §2.5. */
    public synchronized Changed update(String thing, String jobId, JobUpdate update) throws JobsException {
        if (!update.status().deviceMaySet()) {
            throw new JobsException(
                    JobError.INVALID_REQUEST,
                    "A device may set the status IN_PROGRESS, SUCCEEDED, FAILED or REJECTED, not " + update.status());
        }
        if (update.statusDetails() != null) {
            JobRules.checkStatusDetails(update.statusDetails());
        }
        JobRules.checkStepTimeout(update.stepTimeoutInMinutes());
        return commit(connection -> {
            JobExecution current = execution(connection, thing, jobId, update.executionNumber());
            if (current.status().terminal()) {
                throw new JobsException(
                        JobError.INVALID_STATE_TRANSITION,
                        "Job execution " + current.jobId() + " for " + thing + " is already " + current.status()
                                + " and cannot become " + update.status(),
                        current);
            }
            Long expected = update.expectedVersion();
            if (expected != null && expected != current.versionNumber()) {
                throw new JobsException(
                        JobError.VERSION_MISMATCH,
                        "Expected version " + expected + " but the job execution is at version "
                                + current.versionNumber(),
                        current);
            }
            Job job = job(connection, current.jobId());
            long now = now();
            boolean running = update.status() == JobExecutionStatus.IN_PROGRESS;
            Long startedAt = current.startedAt() == null && running ? Long.valueOf(now) : current.startedAt();
            JobExecution updated = new JobExecution(
                    current.jobId(),
                    thing,
                    current.executionNumber(),
                    current.queueOrder(),
                    update.status(),
                    update.statusDetails() == null ? current.statusDetails() : update.statusDetails(),
                    current.queuedAt(),
                    startedAt,
                    now,
                    current.versionNumber() + 1,
                    running ? stepDeadline(now, update.stepTimeoutInMinutes(), current.stepDeadline()) : null,
                    running
                            ? (current.inProgressDeadline() == null
                                    ? inProgressDeadline(job, now)
                                    : current.inProgressDeadline())
                            : null);
            return changed(connection, thing, JobStore.pending(connection, thing), updated, job);
        });
    }

    /** The service's side of §2.7.4: every IN_PROGRESS execution whose timer ran out becomes TIMED_OUT. */
    public synchronized List<PendingChange> timeOutOverdue() {
        try {
            return commit(connection -> {
                List<PendingChange> changes = new ArrayList<>();
                for (JobExecution overdue : JobStore.overdue(connection, now())) {
                    List<JobExecution> before = JobStore.pending(connection, overdue.thingName());
                    JobExecution timedOut = ended(overdue, JobExecutionStatus.TIMED_OUT);
                    changes.addAll(
                            changed(connection, overdue.thingName(), before, timedOut, job(connection, overdue.jobId()))
                                    .changes());
                }
                return changes;
            });
        } catch (JobsException e) {
            throw new IllegalStateException("timing out refuses nothing", e);
        }
    }

    // ---- the operator's side ----

    /** A created job, and what it did to its things' pending lists, for the MQTT side to announce. */
    public record Created(Job job, List<PendingChange> changes) {
        public Created {
            changes = List.copyOf(changes);
        }
    }

    /** CreateJob (§2.7): one QUEUED execution per thing, versionNumber 1, executionNumber 1. */
    public synchronized Created create(NewJob request) throws JobsException {
        JobRules.checkJob(request);
        List<Object> published = new ArrayList<>();
        Job created = commit(connection -> {
            if (JobStore.job(connection, request.jobId()).isPresent()) {
                throw new JobsException(JobError.RESOURCE_ALREADY_EXISTS, "Job " + request.jobId() + " already exists");
            }
            long now = now();
            List<String> things = request.things().stream().distinct().toList();
            Job job = new Job(
                    request.jobId(),
                    request.document(),
                    request.description(),
                    request.targets(),
                    things.isEmpty() ? JobStatus.COMPLETED : JobStatus.IN_PROGRESS,
                    false,
                    request.inProgressTimeoutMinutes(),
                    now,
                    now,
                    things.isEmpty() ? Long.valueOf(now) : null);
            JobStore.insertJob(connection, job);
            long order = JobStore.nextQueueOrder(connection);
            for (String thing : things) {
                List<JobExecution> before = JobStore.pending(connection, thing);
                JobExecution queued = new JobExecution(
                        job.jobId(),
                        thing,
                        1,
                        order++,
                        JobExecutionStatus.QUEUED,
                        Map.of(),
                        now,
                        null,
                        now,
                        1,
                        null,
                        null);
                JobStore.insertExecution(connection, queued);
                published.add(PendingChange.between(
                        thing, before, JobStore.pending(connection, thing), nextDocument(connection, thing)));
                published.add(executionEvent(queued));
            }
            return job;
        });
        events.publish(
                new FleetEvent.JobChanged(created.jobId(), created.status().name()));
        publishAll(published);
        return new Created(created, changesAmong(published));
    }

    /**
     * CancelJob (§2.7.6, TV-J11): QUEUED executions become CANCELED; IN_PROGRESS ones too only with {@code force}. A
     * job that is over cannot be canceled.
     */
    public synchronized List<PendingChange> cancel(String jobId, boolean force) throws JobsException {
        List<Object> published = new ArrayList<>();
        Job canceled = commit(connection -> {
            Job job = job(connection, jobId);
            if (job.status() != JobStatus.IN_PROGRESS) {
                throw new JobsException(
                        JobError.INVALID_STATE_TRANSITION,
                        "Job " + jobId + " is " + job.status() + " and can no longer be canceled");
            }
            for (JobExecution execution : JobStore.executionsForJob(connection, jobId)) {
                boolean cancels = execution.status() == JobExecutionStatus.QUEUED
                        || (force && execution.status() == JobExecutionStatus.IN_PROGRESS);
                if (cancels) {
                    List<JobExecution> before = JobStore.pending(connection, execution.thingName());
                    JobExecution ended = ended(execution, JobExecutionStatus.CANCELED);
                    JobStore.updateExecution(connection, ended);
                    published.add(PendingChange.between(
                            execution.thingName(),
                            before,
                            JobStore.pending(connection, execution.thingName()),
                            nextDocument(connection, execution.thingName())));
                    published.add(executionEvent(ended));
                }
            }
            Job after = new Job(
                    job.jobId(),
                    job.document(),
                    job.description(),
                    job.targets(),
                    JobStatus.CANCELED,
                    force,
                    job.inProgressTimeoutMinutes(),
                    job.createdAt(),
                    now(),
                    now());
            JobStore.updateJob(connection, after);
            return after;
        });
        events.publish(
                new FleetEvent.JobChanged(canceled.jobId(), canceled.status().name()));
        publishAll(published);
        return changesAmong(published);
    }

    private static List<PendingChange> changesAmong(List<Object> published) {
        return published.stream()
                .filter(PendingChange.class::isInstance)
                .map(PendingChange.class::cast)
                .toList();
    }

    public Optional<Job> job(String jobId) {
        return database.read(connection -> JobStore.job(connection, jobId));
    }

    public List<Job> jobs() {
        return database.read(JobStore::jobs);
    }

    /** How many of the job's executions are in each status, every status listed. */
    public Map<JobExecutionStatus, Long> counts(String jobId) {
        return database.read(connection -> JobStore.counts(connection, jobId));
    }

    public List<JobExecution> executions(String jobId) {
        return database.read(connection -> JobStore.executionsForJob(connection, jobId));
    }

    /** The latest run of a job on a thing, whatever its status. */
    public Optional<JobExecution> execution(String jobId, String thing) {
        return database.read(connection ->
                JobStore.executionsOf(connection, jobId, thing).stream().findFirst());
    }

    // ---- inside a change ----

    private Changed changed(
            Connection connection, String thing, List<JobExecution> before, JobExecution updated, Job job)
            throws SQLException {
        JobStore.updateExecution(connection, updated);
        completeWhenAllEnded(connection, job);
        PendingChange change = PendingChange.between(
                thing, before, JobStore.pending(connection, thing), nextDocument(connection, thing));
        pendingEvents.add(executionEvent(updated));
        return new Changed(updated, job.document(), List.of(change));
    }

    /** Events of the change being committed; published once it is. Guarded by this object's lock. */
    private final List<Object> pendingEvents = new ArrayList<>();

    /** A SNAPSHOT job is COMPLETED once every execution is terminal (§2.7.1). */
    private void completeWhenAllEnded(Connection connection, Job job) throws SQLException {
        if (job.status() != JobStatus.IN_PROGRESS) {
            return;
        }
        // counted in the store: a job of 100k things must not read them all on every device's report
        boolean allEnded = JobStore.pendingCount(connection, job.jobId()) == 0;
        if (allEnded) {
            long now = now();
            JobStore.updateJob(
                    connection,
                    new Job(
                            job.jobId(),
                            job.document(),
                            job.description(),
                            job.targets(),
                            JobStatus.COMPLETED,
                            false,
                            job.inProgressTimeoutMinutes(),
                            job.createdAt(),
                            now,
                            now));
            pendingEvents.add(new FleetEvent.JobChanged(job.jobId(), JobStatus.COMPLETED.name()));
        }
    }

    private JobExecution ended(JobExecution execution, JobExecutionStatus status) {
        return new JobExecution(
                execution.jobId(),
                execution.thingName(),
                execution.executionNumber(),
                execution.queueOrder(),
                status,
                execution.statusDetails(),
                execution.queuedAt(),
                execution.startedAt(),
                now(),
                execution.versionNumber() + 1,
                null,
                null);
    }

    private static JobExecution execution(Connection connection, String thing, String jobId, @Nullable Long number)
            throws SQLException, JobsException {
        if ("$next".equals(jobId)) {
            List<JobExecution> pending = JobStore.pending(connection, thing);
            if (pending.isEmpty()) {
                throw new JobsException(JobError.RESOURCE_NOT_FOUND, "No pending job execution for " + thing);
            }
            return pending.getFirst();
        }
        return JobStore.executionsOf(connection, jobId, thing).stream()
                .filter(execution -> number == null || execution.executionNumber() == number)
                .findFirst()
                .orElseThrow(() -> new JobsException(
                        JobError.RESOURCE_NOT_FOUND,
                        "No job execution of " + jobId + (number == null ? "" : " number " + number) + " for "
                                + thing));
    }

    private static Job job(Connection connection, String jobId) throws SQLException, JobsException {
        return JobStore.job(connection, jobId)
                .orElseThrow(() -> new JobsException(JobError.RESOURCE_NOT_FOUND, "No job " + jobId));
    }

    private static @Nullable String nextDocument(Connection connection, String thing) throws SQLException {
        List<JobExecution> pending = JobStore.pending(connection, thing);
        if (pending.isEmpty()) {
            return null;
        }
        return JobStore.job(connection, pending.getFirst().jobId())
                .map(Job::document)
                .orElse(null);
    }

    private static @Nullable Long stepDeadline(long now, @Nullable Integer minutes, @Nullable Long current) {
        if (minutes == null) {
            return current;
        }
        return minutes == -1 ? null : now + minutes * 60L;
    }

    private static @Nullable Long inProgressDeadline(Job job, long now) {
        Integer minutes = job.inProgressTimeoutMinutes();
        return minutes == null ? null : now + minutes * 60L;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static FleetEvent executionEvent(JobExecution execution) {
        return new FleetEvent.JobExecutionChanged(
                execution.jobId(),
                execution.thingName(),
                execution.executionNumber(),
                execution.status().name(),
                execution.versionNumber());
    }

    private void publishAll(List<Object> published) {
        for (Object each : published) {
            if (each instanceof FleetEvent event) {
                events.publish(event);
            }
        }
    }

    // ---- one transaction, refused or committed ----

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException, JobsException;
    }

    /** Runs {@code work} in one transaction; a refusal changes nothing, and the events wait for the commit. */
    private <T> T commit(Work<T> work) throws JobsException {
        List<JobsException> refusal = new ArrayList<>(1);
        pendingEvents.clear();
        @Nullable T result = database.<@Nullable T>write(connection -> {
            try {
                return work.run(connection);
            } catch (JobsException e) {
                refusal.add(e);
                connection.rollback();
                return null;
            }
        });
        if (!refusal.isEmpty()) {
            pendingEvents.clear();
            throw refusal.getFirst();
        }
        List<Object> committed = new ArrayList<>(pendingEvents);
        pendingEvents.clear();
        publishAll(committed);
        return java.util.Objects.requireNonNull(result, "a committed change has its outcome");
    }
}
