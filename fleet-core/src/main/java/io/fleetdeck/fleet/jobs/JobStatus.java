package io.fleetdeck.fleet.jobs;

/** A job's own state (AWS-IOT-BEHAVIOUR §2.7.6); scheduled jobs and deletion come with the management API. */
public enum JobStatus {
    IN_PROGRESS,
    COMPLETED,
    CANCELED
}
