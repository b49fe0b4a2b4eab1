package io.fleetdeck.fleet.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A device's request payload, read field by field as AWS-IOT-BEHAVIOUR §2.2 describes them: a field of the wrong
 * type is an InvalidRequest, a payload that is not a UTF-8 JSON object an InvalidJson (§2.4).
 */
final class JobRequest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** AWS's client tokens are at most 64 bytes. */
    private static final int MAX_CLIENT_TOKEN_BYTES = 64;

    private final ObjectNode body;

    private JobRequest(ObjectNode body) {
        this.body = body;
    }

    static JobRequest read(byte[] payload) throws JobsException {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
            JsonNode body = JSON.readTree(text);
            if (body instanceof ObjectNode object) {
                return new JobRequest(object);
            }
        } catch (IOException e) {
            // falls through to the one refusal below
        }
        throw new JobsException(JobError.INVALID_JSON, "The request payload is not a UTF-8 JSON object");
    }

    /** The client token, read leniently so that even a refused request's answer can echo it. */
    static @Nullable String clientTokenOf(byte[] payload) {
        try {
            JsonNode token = JSON.readTree(payload).path("clientToken");
            return token.isTextual() ? token.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Nullable String clientToken() throws JobsException {
        String token = text("clientToken");
        if (token != null && token.getBytes(StandardCharsets.UTF_8).length > MAX_CLIENT_TOKEN_BYTES) {
            throw new JobsException(JobError.INVALID_REQUEST, "clientToken may have at most 64 bytes");
        }
        return token;
    }

    @Nullable JobExecutionStatus status() throws JobsException {
        String status = text("status");
        if (status == null) {
            return null;
        }
        try {
            return JobExecutionStatus.valueOf(status.toUpperCase(Locale.ROOT).equals(status) ? status : "?");
        } catch (IllegalArgumentException e) {
            throw new JobsException(JobError.INVALID_REQUEST, "status '" + status + "' is not a job execution status");
        }
    }

    @Nullable Map<String, String> statusDetails() throws JobsException {
        JsonNode details = body.get("statusDetails");
        if (details == null || details.isNull()) {
            return null;
        }
        if (!details.isObject()) {
            throw new JobsException(JobError.INVALID_REQUEST, "statusDetails must be an object of strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> detail : details.properties()) {
            if (!detail.getValue().isTextual()) {
                throw new JobsException(
                        JobError.INVALID_REQUEST, "statusDetails value of '" + detail.getKey() + "' must be a string");
            }
            map.put(detail.getKey(), detail.getValue().asText());
        }
        return map;
    }

    /** A whole number, as a JSON number or, as AWS's own examples send expectedVersion, a numeric string. */
    @Nullable Long number(String field) throws JobsException {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isTextual() && value.asText().matches("-?[0-9]{1,18}")) {
            return Long.parseLong(value.asText());
        }
        throw new JobsException(JobError.INVALID_REQUEST, field + " must be a whole number");
    }

    @Nullable Integer stepTimeoutInMinutes() throws JobsException {
        Long minutes = number("stepTimeoutInMinutes");
        if (minutes == null) {
            return null;
        }
        if (minutes < Integer.MIN_VALUE || minutes > Integer.MAX_VALUE) {
            throw new JobsException(
                    JobError.INVALID_REQUEST, "stepTimeoutInMinutes must be 1-10080, or -1 to cancel the step timer");
        }
        return minutes.intValue();
    }

    boolean flag(String field, boolean otherwise) throws JobsException {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            throw new JobsException(JobError.INVALID_REQUEST, field + " must be true or false");
        }
        return value.asBoolean();
    }

    private @Nullable String text(String field) throws JobsException {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new JobsException(JobError.INVALID_REQUEST, field + " must be a string");
        }
        return value.asText();
    }
}
