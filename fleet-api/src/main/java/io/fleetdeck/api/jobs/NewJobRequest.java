package io.fleetdeck.api.jobs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CreateJob's input: the job document (a JSON object of at most 32 KB), the things and thing groups it targets (a
 * group's things as they are at creation: SNAPSHOT), and how long an execution may stay IN_PROGRESS, if limited.
 */
public record NewJobRequest(
        String jobId,
        String document,
        String description,
        List<String> things,
        List<String> groups,
        @Nullable Integer inProgressTimeoutMinutes) {

    public NewJobRequest {
        things = List.copyOf(things);
        groups = List.copyOf(groups);
    }
}
