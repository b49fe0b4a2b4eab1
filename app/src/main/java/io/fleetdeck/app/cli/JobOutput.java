package io.fleetdeck.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.api.jobs.JobDescription;
import java.time.Instant;
import java.util.Map;

/**
 * What {@code job describe} prints: AWS CLI's {@code describe-job} JSON, the document beside the job, and the
 * executions counted by status in {@code jobProcessDetails} (AWS-IOT-BEHAVIOUR §2.7.6).
 */
final class JobOutput {

    /** AWS's counter for each execution status. */
    private static final Map<String, String> COUNTERS = Map.of(
            "CANCELED", "numberOfCanceledThings",
            "SUCCEEDED", "numberOfSucceededThings",
            "FAILED", "numberOfFailedThings",
            "REJECTED", "numberOfRejectedThings",
            "QUEUED", "numberOfQueuedThings",
            "IN_PROGRESS", "numberOfInProgressThings",
            "REMOVED", "numberOfRemovedThings",
            "TIMED_OUT", "numberOfTimedOutThings");

    private JobOutput() {}

    static String describeJson(JobDescription job) {
        ObjectNode answer = OutputOption.object();
        answer.put("documentSource", "inline");
        answer.put("document", job.document());
        ObjectNode node = answer.putObject("job");
        node.put("jobId", job.jobId());
        node.put("targetSelection", "SNAPSHOT");
        node.put("status", job.status());
        node.put("forceCanceled", job.forceCanceled());
        ArrayNode targets = node.putArray("targets");
        job.targets().forEach(targets::add);
        node.put("description", job.description());
        node.put("createdAt", seconds(job.createdAt()));
        node.put("lastUpdatedAt", seconds(job.lastUpdatedAt()));
        if (job.completedAt() != null) {
            node.put("completedAt", seconds(job.completedAt()));
        }
        if (job.inProgressTimeoutMinutes() != null) {
            node.putObject("timeoutConfig").put("inProgressTimeoutInMinutes", job.inProgressTimeoutMinutes());
        }
        ObjectNode details = node.putObject("jobProcessDetails");
        COUNTERS.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(counter ->
                        details.put(counter.getValue(), job.executionCounts().getOrDefault(counter.getKey(), 0L)));
        return OutputOption.print(answer);
    }

    /** AWS CLI prints times as epoch seconds with a fraction. */
    private static double seconds(Instant at) {
        return at.getEpochSecond() + at.getNano() / 1e9;
    }
}
