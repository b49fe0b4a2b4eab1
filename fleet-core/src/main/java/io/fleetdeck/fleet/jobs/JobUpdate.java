package io.fleetdeck.fleet.jobs;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A device's UpdateJobExecution request as read from its JSON (AWS-IOT-BEHAVIOUR §2.2), fields left out as null.
 */
public record JobUpdate(
        JobExecutionStatus status,
        @Nullable Map<String, String> statusDetails,
        @Nullable Long expectedVersion,
        @Nullable Long executionNumber,
        @Nullable Integer stepTimeoutInMinutes) {}
