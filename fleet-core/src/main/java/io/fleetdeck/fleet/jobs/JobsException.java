package io.fleetdeck.fleet.jobs;

import org.jspecify.annotations.Nullable;

/** A refused jobs request; for VersionMismatch and InvalidStateTransition, the execution as it stands (§2.4). */
public final class JobsException extends Exception {

    private final JobError error;
    private final transient @Nullable JobExecution executionState;

    public JobsException(JobError error, String message) {
        this(error, message, null);
    }

    public JobsException(JobError error, String message, @Nullable JobExecution executionState) {
        super(message);
        this.error = error;
        this.executionState = executionState;
    }

    public JobError error() {
        return error;
    }

    public @Nullable JobExecution executionState() {
        return executionState;
    }
}
