package io.fleetdeck.fleet.jobs;

/** Where one run of a job on one thing stands (AWS-IOT-BEHAVIOUR §2.5). */
public enum JobExecutionStatus {
    QUEUED,
    IN_PROGRESS,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    REJECTED,
    REMOVED,
    CANCELED;

    /** A terminal execution never changes again: a device's update to it is an InvalidStateTransition. */
    public boolean terminal() {
        return this != QUEUED && this != IN_PROGRESS;
    }

    /** The statuses a device may send; the others are the service's to set (§2.5). */
    public boolean deviceMaySet() {
        return this == IN_PROGRESS || this == SUCCEEDED || this == FAILED || this == REJECTED;
    }
}
