package io.fleetdeck.fleet.jobs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A job as committed: its document (a JSON object, kept as the operator gave it), what it targets, and its state.
 * Times are epoch seconds.
 *
 * @param targets the thing and group names it was created for; a group's things were resolved then (SNAPSHOT)
 * @param inProgressTimeoutMinutes how long an execution may stay IN_PROGRESS, if limited (§2.7.4)
 */
public record Job(
        String jobId,
        String document,
        String description,
        List<String> targets,
        JobStatus status,
        boolean forceCanceled,
        @Nullable Integer inProgressTimeoutMinutes,
        long createdAt,
        long lastUpdatedAt,
        @Nullable Long completedAt) {

    public Job {
        targets = List.copyOf(targets);
    }
}
