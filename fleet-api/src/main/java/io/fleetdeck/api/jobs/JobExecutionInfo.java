package io.fleetdeck.api.jobs;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One run of a job on one thing, as the device last reported it (AWS-IOT-BEHAVIOUR §2.3). */
public record JobExecutionInfo(
        String jobId,
        String thingName,
        String status,
        Map<String, String> statusDetails,
        Instant queuedAt,
        @Nullable Instant startedAt,
        Instant lastUpdatedAt,
        long versionNumber,
        long executionNumber) {

    public JobExecutionInfo {
        statusDetails = Map.copyOf(statusDetails);
    }
}
