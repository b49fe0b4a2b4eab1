package io.fleetdeck.fleet.shadow;

import static io.fleetdeck.fleet.shadow.UpdateRequest.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/** The response documents of AWS-IOT-BEHAVIOUR §1.8, field for field. */
final class ShadowResponses {

    private ShadowResponses() {}

    /** {@code update/accepted}: the requested sections as sent (nulls included) and their metadata. */
    static ObjectNode accepted(UpdateRequest request, ShadowState after) {
        ObjectNode state = JSON.createObjectNode();
        ObjectNode metadata = JSON.createObjectNode();
        section(state, metadata, "desired", request.desired(), after.timestamp());
        section(state, metadata, "reported", request.reported(), after.timestamp());
        ObjectNode answer = JSON.createObjectNode();
        answer.set("state", state);
        answer.set("metadata", metadata);
        answer.put("version", after.version());
        answer.put("timestamp", after.timestamp());
        return withToken(answer, request.clientToken());
    }

    private static void section(
            ObjectNode state, ObjectNode metadata, String name, @Nullable ObjectNode requested, long now) {
        if (requested == UpdateRequest.REMOVE) {
            state.putNull(name);
        } else if (requested != null) {
            state.set(name, requested.deepCopy());
            metadata.set(name, ShadowEngine.metadataFor(requested, now));
        }
    }

    /** {@code update/delta}: every current difference, not only what this update touched. */
    static ObjectNode delta(ObjectNode delta, ShadowState after, @Nullable String clientToken) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("version", after.version());
        answer.put("timestamp", after.timestamp());
        answer.set("state", delta);
        answer.set("metadata", ShadowEngine.deltaMetadata(delta, after.desiredMetadata()));
        return withToken(answer, clientToken);
    }

    /** {@code update/documents}: the whole shadow before and after, without delta. */
    static ObjectNode documents(ShadowState before, ShadowState after, @Nullable String clientToken) {
        ObjectNode answer = JSON.createObjectNode();
        answer.set("previous", document(before));
        answer.set("current", document(after));
        answer.put("timestamp", after.timestamp());
        return withToken(answer, clientToken);
    }

    private static ObjectNode document(ShadowState shadow) {
        ObjectNode document = JSON.createObjectNode();
        document.set("state", sections(shadow.desired(), shadow.reported()));
        document.set("metadata", sections(shadow.desiredMetadata(), shadow.reportedMetadata()));
        document.put("version", shadow.version());
        return document;
    }

    /** {@code get/accepted}: state and metadata with the delta when there is one. */
    static ObjectNode get(ShadowState shadow, @Nullable String clientToken) {
        ObjectNode state = sections(shadow.desired(), shadow.reported());
        ObjectNode metadata = sections(shadow.desiredMetadata(), shadow.reportedMetadata());
        ObjectNode delta = ShadowEngine.delta(shadow.desired(), shadow.reported());
        if (delta != null) {
            state.set("delta", delta);
            metadata.set("delta", ShadowEngine.deltaMetadata(delta, shadow.desiredMetadata()));
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.set("state", state);
        answer.set("metadata", metadata);
        answer.put("version", shadow.version());
        answer.put("timestamp", shadow.timestamp());
        return withToken(answer, clientToken);
    }

    static ObjectNode deleted(long version, long timestamp, @Nullable String clientToken) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("version", version);
        answer.put("timestamp", timestamp);
        return withToken(answer, clientToken);
    }

    static ObjectNode error(ShadowException problem, long timestamp, @Nullable String clientToken) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("code", problem.code());
        answer.put("message", problem.getMessage());
        answer.put("timestamp", timestamp);
        return withToken(answer, clientToken);
    }

    private static ObjectNode sections(@Nullable JsonNode desired, @Nullable JsonNode reported) {
        ObjectNode sections = JSON.createObjectNode();
        if (desired != null) {
            sections.set("desired", desired.deepCopy());
        }
        if (reported != null) {
            sections.set("reported", reported.deepCopy());
        }
        return sections;
    }

    private static ObjectNode withToken(ObjectNode answer, @Nullable String clientToken) {
        if (clientToken != null) {
            answer.put("clientToken", clientToken);
        }
        return answer;
    }
}
