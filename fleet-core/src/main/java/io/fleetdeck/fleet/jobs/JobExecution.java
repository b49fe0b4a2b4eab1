package io.fleetdeck.fleet.jobs;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One run of a job on one thing, as committed (AWS-IOT-BEHAVIOUR §2.3). Times are epoch seconds.
 *
 * @param queueOrder the order executions were queued in, which breaks ties between executions queued in one second
 * @param stepDeadline when the current step times out, if the device set a step timer
 * @param inProgressDeadline when the execution times out, if its job has an in-progress timeout
 */
public record JobExecution(
        String jobId,
        String thingName,
        long executionNumber,
        long queueOrder,
        JobExecutionStatus status,
        Map<String, String> statusDetails,
        long queuedAt,
        @Nullable Long startedAt,
        long lastUpdatedAt,
        long versionNumber,
        @Nullable Long stepDeadline,
        @Nullable Long inProgressDeadline) {

    public JobExecution {
        statusDetails = Map.copyOf(statusDetails);
    }

    /** When the execution times out: the earlier of its timers, since a step never outlives the whole (§2.7.4). */
    public @Nullable Long deadline() {
        if (stepDeadline == null) {
            return inProgressDeadline;
        }
        return inProgressDeadline == null ? stepDeadline : Math.min(stepDeadline, inProgressDeadline);
    }

    /** Which execution this is, for telling whether the pending list or the next execution changed. */
    String key() {
        return jobId + '\u0000' + executionNumber;
    }
}
