package io.fleetdeck.fleet.jobs;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** What a jobs request must be before anything is written: AWS's limits of §2.3, §2.7 and §2.8. */
final class JobRules {

    /** AWS's job id: 1–64 of these characters (§2.7). */
    private static final Pattern JOB_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    /** AWS's statusDetails key (§2.3). */
    private static final Pattern DETAIL_KEY = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");

    static final int MAX_DOCUMENT_BYTES = 32_768;
    static final int MAX_DESCRIPTION = 2028;
    static final int MAX_TIMEOUT_MINUTES = 10_080;
    private static final int MAX_DETAIL_VALUE = 1024;

    private JobRules() {}

    /** statusDetails as AWS takes them (§2.3): keys of [a-zA-Z0-9:_-], values of 1–1024 characters, no controls. */
    static void checkStatusDetails(Map<String, String> details) throws JobsException {
        for (Map.Entry<String, String> detail : details.entrySet()) {
            if (!DETAIL_KEY.matcher(detail.getKey()).matches()) {
                throw new JobsException(
                        JobError.INVALID_REQUEST,
                        "statusDetails key '" + detail.getKey() + "' must be 1-128 characters of [a-zA-Z0-9:_-]");
            }
            String value = detail.getValue();
            if (value.isEmpty()
                    || value.length() > MAX_DETAIL_VALUE
                    || value.chars().anyMatch(Character::isISOControl)) {
                throw new JobsException(
                        JobError.INVALID_REQUEST,
                        "statusDetails value of '" + detail.getKey()
                                + "' must be 1-1024 characters without control characters");
            }
        }
    }

    static void checkStepTimeout(@Nullable Integer minutes) throws JobsException {
        if (minutes != null && minutes != -1 && (minutes < 1 || minutes > MAX_TIMEOUT_MINUTES)) {
            throw new JobsException(
                    JobError.INVALID_REQUEST,
                    "stepTimeoutInMinutes must be 1-10080, or -1 to cancel the step timer; was " + minutes);
        }
    }

    static void checkJob(NewJob request) throws JobsException {
        if (!JOB_ID.matcher(request.jobId()).matches()) {
            throw new JobsException(
                    JobError.INVALID_REQUEST,
                    "Job id '" + request.jobId() + "' must be 1-64 characters of letters, digits, '_' and '-'");
        }
        int bytes = request.document().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_DOCUMENT_BYTES) {
            throw new JobsException(
                    JobError.LIMIT_EXCEEDED,
                    "The job document is " + bytes + " bytes; a job document may have at most " + MAX_DOCUMENT_BYTES
                            + " bytes");
        }
        if (request.description().length() > MAX_DESCRIPTION) {
            throw new JobsException(
                    JobError.INVALID_REQUEST, "A job description may have at most " + MAX_DESCRIPTION + " characters");
        }
        if (request.targets().isEmpty()) {
            throw new JobsException(JobError.INVALID_REQUEST, "A job needs at least one target thing or group");
        }
        Integer timeout = request.inProgressTimeoutMinutes();
        if (timeout != null && (timeout < 1 || timeout > MAX_TIMEOUT_MINUTES)) {
            throw new JobsException(
                    JobError.INVALID_REQUEST, "The in-progress timeout must be 1-10080 minutes; was " + timeout);
        }
    }
}
