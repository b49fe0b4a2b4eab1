package io.fleetdeck.fleet.shadow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.fleet.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shadow operations themselves, for the MQTT service and for operators (console, CLI) alike: the same rules, the
 * same errors, the same response documents. Each call is one unit: an update is committed before its answer exists.
 * Thread-safe: calls are serialized, which is what optimistic locking needs.
 */
public final class Shadows {

    private static final Pattern THING_NAME = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");
    private static final Pattern SHADOW_NAME = Pattern.compile("[$a-zA-Z0-9:_-]{1,64}");
    private static final Duration VERSION_MEMORY = Duration.ofHours(48);

    /** What an accepted update publishes: accepted, the delta when there is one, and documents. */
    public record Updated(ObjectNode accepted, ObjectNode delta, ObjectNode documents) {}

    private final ShadowStore store;
    private final Clock clock;

    public Shadows(Database database, Clock clock, int historyVersions) {
        this.store = new ShadowStore(database, historyVersions);
        this.clock = clock;
    }

    /** Applies an update request (the {@code /update} payload); {@code shadow} "" is the classic shadow. */
    public synchronized Updated update(String thing, String shadow, byte[] payload) throws ShadowException {
        checkNames(thing, shadow);
        UpdateRequest request = UpdateRequest.parse(payload);
        long now = clock.instant().getEpochSecond();
        Optional<ShadowStore.Stored> stored = store.find(thing, shadow);
        ShadowState current = stored.filter(s -> s.deletedAt() == null)
                .map(ShadowStore.Stored::state)
                .orElse(null);
        long lastVersion = stored.filter(s -> s.deletedAt() != null && now - s.deletedAt() < VERSION_MEMORY.toSeconds())
                .map(s -> s.state().version())
                .orElse(0L);
        ShadowState after = ShadowEngine.apply(current, lastVersion, request, now);
        ShadowState before = current == null ? ShadowState.empty(lastVersion) : current;
        ObjectNode documents = ShadowResponses.documents(before, after, request.clientToken());
        store.save(thing, shadow, after, documents.path("current").toString());
        ObjectNode delta = ShadowEngine.delta(after.desired(), after.reported());
        return new Updated(
                ShadowResponses.accepted(request, after),
                delta == null ? null : ShadowResponses.delta(delta, after, request.clientToken()),
                documents);
    }

    /** The whole document with its delta ({@code get/accepted}), or 404. */
    public synchronized ObjectNode get(String thing, String shadow, byte[] payload) throws ShadowException {
        checkNames(thing, shadow);
        return ShadowResponses.get(existing(thing, shadow), UpdateRequest.clientTokenOf(payload));
    }

    /** Deletes the shadow; its version is remembered for 48 hours ({@code delete/accepted}), or 404. */
    public synchronized ObjectNode delete(String thing, String shadow, byte[] payload) throws ShadowException {
        checkNames(thing, shadow);
        String clientToken = UpdateRequest.clientTokenOf(payload);
        ShadowState deleted = existing(thing, shadow);
        long now = clock.instant().getEpochSecond();
        store.markDeleted(thing, shadow, now);
        return ShadowResponses.deleted(deleted.version(), now, clientToken);
    }

    /** The clientToken of a request that failed, when it can still be read, for the rejected answer. */
    static String clientTokenIfReadable(byte[] payload) {
        try {
            return UpdateRequest.clientTokenOf(payload);
        } catch (ShadowException unreadable) {
            return null;
        }
    }

    ObjectNode error(ShadowException problem, byte[] payload) {
        return ShadowResponses.error(problem, clock.instant().getEpochSecond(), clientTokenIfReadable(payload));
    }

    /** How many versions of a shadow are kept for diagnosis. */
    public int historySize(String thing, String shadow) {
        return store.historySize(thing, shadow);
    }

    private ShadowState existing(String thing, String shadow) throws ShadowException {
        return store.find(thing, shadow)
                .filter(stored -> stored.deletedAt() == null)
                .map(ShadowStore.Stored::state)
                .orElseThrow(() -> new ShadowException(
                        404, "No shadow exists with name: '" + (shadow.isEmpty() ? thing : shadow) + "'"));
    }

    private static void checkNames(String thing, String shadow) throws ShadowException {
        if (!THING_NAME.matcher(thing).matches()) {
            throw new ShadowException(400, "Invalid thing name");
        }
        if (!shadow.isEmpty() && !SHADOW_NAME.matcher(shadow).matches()) {
            throw new ShadowException(400, "Invalid shadow name");
        }
    }
}
