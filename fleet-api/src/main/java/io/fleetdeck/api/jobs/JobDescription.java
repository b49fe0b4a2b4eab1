package io.fleetdeck.api.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * DescribeJob's answer: the job's state ({@code IN_PROGRESS}, {@code COMPLETED}, {@code CANCELED}), its document and
 * targets, and how many of its executions are in each status (every status listed, as AWS's jobProcessDetails).
 */
public record JobDescription(
        String jobId,
        String status,
        String description,
        String document,
        List<String> targets,
        boolean forceCanceled,
        @Nullable Integer inProgressTimeoutMinutes,
        Instant createdAt,
        Instant lastUpdatedAt,
        @Nullable Instant completedAt,
        Map<String, Long> executionCounts) {

    public JobDescription {
        targets = List.copyOf(targets);
        executionCounts = Map.copyOf(executionCounts);
    }
}
