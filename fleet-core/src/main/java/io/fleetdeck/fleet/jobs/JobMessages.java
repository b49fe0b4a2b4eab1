package io.fleetdeck.fleet.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The jobs API's documents as devices read them (AWS-IOT-BEHAVIOUR §2.2, §2.3, §2.4, §2.6). */
final class JobMessages {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A notify message lists at most this many executions (§2.6). */
    private static final int NOTIFY_LIMIT = 10;

    private JobMessages() {}

    static ObjectNode answer(@Nullable String clientToken, long timestamp) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("timestamp", timestamp);
        if (clientToken != null) {
            answer.put("clientToken", clientToken);
        }
        return answer;
    }

    static ObjectNode pending(List<JobExecution> pending, @Nullable String clientToken, long timestamp) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode inProgress = answer.putArray("inProgressJobs");
        ArrayNode queued = answer.putArray("queuedJobs");
        for (JobExecution execution : pending) {
            (execution.status() == JobExecutionStatus.IN_PROGRESS ? inProgress : queued).add(summary(execution));
        }
        answer.setAll(answer(clientToken, timestamp));
        return answer;
    }

    /** JobExecutionSummary (§2.3). */
    static ObjectNode summary(JobExecution execution) {
        ObjectNode summary = JSON.createObjectNode();
        summary.put("jobId", execution.jobId());
        summary.put("queuedAt", execution.queuedAt());
        if (execution.startedAt() != null) {
            summary.put("startedAt", execution.startedAt());
        }
        summary.put("lastUpdatedAt", execution.lastUpdatedAt());
        summary.put("versionNumber", execution.versionNumber());
        summary.put("executionNumber", execution.executionNumber());
        return summary;
    }

    /** JobExecution (§2.3), its document embedded as a JSON object when asked for. */
    static ObjectNode execution(JobExecution execution, @Nullable String document, long now) {
        ObjectNode node = JSON.createObjectNode();
        node.put("jobId", execution.jobId());
        node.put("thingName", execution.thingName());
        if (document != null) {
            node.set("jobDocument", document(document));
        }
        node.put("status", execution.status().name());
        if (!execution.statusDetails().isEmpty()) {
            node.set("statusDetails", details(execution));
        }
        node.put("queuedAt", execution.queuedAt());
        if (execution.startedAt() != null) {
            node.put("startedAt", execution.startedAt());
        }
        node.put("lastUpdatedAt", execution.lastUpdatedAt());
        node.put("versionNumber", execution.versionNumber());
        node.put("executionNumber", execution.executionNumber());
        Long deadline = execution.deadline();
        if (deadline != null) {
            node.put("approximateSecondsBeforeTimedOut", Math.max(0, deadline - now));
        }
        return node;
    }

    /** JobExecutionState (§2.3). */
    static ObjectNode state(JobExecution execution) {
        ObjectNode state = JSON.createObjectNode();
        state.put("status", execution.status().name());
        state.set("statusDetails", details(execution));
        state.put("versionNumber", execution.versionNumber());
        return state;
    }

    static ObjectNode rejected(JobsException refusal, @Nullable String clientToken, long timestamp) {
        ObjectNode rejected = JSON.createObjectNode();
        rejected.put("code", refusal.error().code());
        rejected.put("message", String.valueOf(refusal.getMessage()));
        rejected.setAll(answer(clientToken, timestamp));
        JobExecution state = refusal.executionState();
        if (state != null) {
            rejected.set("executionState", state(state));
        }
        return rejected;
    }

    /** JobExecutionsChanged (§2.6): IN_PROGRESS before QUEUED, at most ten, empty lists left out. */
    static ObjectNode notify(List<JobExecution> pending, long timestamp) {
        ObjectNode message = JSON.createObjectNode();
        message.put("timestamp", timestamp);
        ObjectNode jobs = message.putObject("jobs");
        for (JobExecution execution : pending.stream().limit(NOTIFY_LIMIT).toList()) {
            ArrayNode list = jobs.has(execution.status().name())
                    ? (ArrayNode) jobs.get(execution.status().name())
                    : jobs.putArray(execution.status().name());
            list.add(summary(execution));
        }
        return message;
    }

    /** NextJobExecutionChanged (§2.6): the new next execution with its document, or only the time when none is left. */
    static ObjectNode notifyNext(PendingChange change, long timestamp) {
        ObjectNode message = JSON.createObjectNode();
        message.put("timestamp", timestamp);
        JobExecution next = change.next();
        if (next != null) {
            message.set("execution", execution(next, change.nextDocument(), timestamp));
        }
        return message;
    }

    private static ObjectNode details(JobExecution execution) {
        ObjectNode details = JSON.createObjectNode();
        execution.statusDetails().forEach(details::put);
        return details;
    }

    static JsonNode document(String document) {
        try {
            return JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored job document is the JSON object it was checked to be", e);
        }
    }
}
