package io.fleetdeck.fleet.jobs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A job to create: its document (a JSON object), the names it targets, and the things those names stand for now.
 *
 * @param things the things that get an execution: the target things and the members of the target groups (SNAPSHOT)
 */
public record NewJob(
        String jobId,
        String document,
        String description,
        List<String> targets,
        List<String> things,
        @Nullable Integer inProgressTimeoutMinutes) {

    public NewJob {
        targets = List.copyOf(targets);
        things = List.copyOf(things);
    }
}
