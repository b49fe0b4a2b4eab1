package io.fleetdeck.fleet.jobs;

/**
 * Why a jobs request was refused, with AWS's code: the device side's codes are those of AWS-IOT-BEHAVIOUR §2.4, the
 * operator's those of the management API.
 */
public enum JobError {
    INVALID_TOPIC("InvalidTopic"),
    INVALID_JSON("InvalidJson"),
    INVALID_REQUEST("InvalidRequest"),
    INVALID_STATE_TRANSITION("InvalidStateTransition"),
    RESOURCE_NOT_FOUND("ResourceNotFound"),
    VERSION_MISMATCH("VersionMismatch"),
    INTERNAL_ERROR("InternalError"),
    REQUEST_THROTTLED("RequestThrottled"),
    TERMINAL_STATE_REACHED("TerminalStateReached"),
    RESOURCE_ALREADY_EXISTS("ResourceAlreadyExistsException"),
    LIMIT_EXCEEDED("LimitExceededException");

    private final String code;

    JobError(String code) {
        this.code = code;
    }

    /** The code as AWS sends it in a rejected answer. */
    public String code() {
        return code;
    }
}
