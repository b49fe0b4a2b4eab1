package io.fleetdeck.fleet.shadow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.fleet.events.FleetEventSink;
import io.fleetdeck.fleet.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The shadow operations themselves, for the MQTT service and for operators (console, CLI) alike: the same rules, the
 * same errors, the same response documents. Every operation goes through one committer in arrival order, which is
 * what optimistic locking needs, and is answered only once what it wrote is committed. Close it to commit what is
 * queued.
 */
public final class Shadows implements AutoCloseable {

    private static final Pattern THING_NAME = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");
    private static final Pattern SHADOW_NAME = Pattern.compile("[$a-zA-Z0-9:_-]{1,64}");
    private static final Duration VERSION_MEMORY = Duration.ofHours(48);

    /** What an accepted update publishes: accepted, the delta when there is one, and documents. */
    public record Updated(ObjectNode accepted, @Nullable ObjectNode delta, ObjectNode documents) {}

    private final ShadowStore store;
    private final ShadowCommitter committer;
    private final Clock clock;

    /** Shadows whose commits nobody follows: for command-line tools and tests of something else. */
    public Shadows(Database database, Clock clock, ShadowLimits limits) {
        this(database, clock, limits, FleetEventSink.NONE);
    }

    /** @param events where each committed shadow goes, as a {@code ShadowCommitted} event, before its request is answered */
    public Shadows(Database database, Clock clock, ShadowLimits limits, FleetEventSink events) {
        this.store = new ShadowStore(database, limits.historyVersions());
        this.committer = new ShadowCommitter(database, store, new ThingRequestGate(limits, clock), events);
        this.clock = clock;
    }

    public Shadows(Database database, Clock clock, int historyVersions) {
        this(database, clock, ShadowLimits.awsDefaults().withHistoryVersions(historyVersions));
    }

    /** Queues an update request (the {@code /update} payload); {@code shadow} "" is the classic shadow. */
    public CompletableFuture<Updated> submitUpdate(String thing, String shadow, byte[] payload) {
        UpdateRequest request;
        try {
            checkNames(thing, shadow);
            request = UpdateRequest.parse(payload);
        } catch (ShadowException invalid) {
            return CompletableFuture.failedFuture(invalid);
        }
        // the answer documents are made on the answering thread, so the one committing thread only decides and writes
        return committer
                .submit(thing, batch -> update(batch, thing, shadow, request))
                .thenApply(Shadows::answers);
    }

    /** Queues a get: the whole document with its delta ({@code get/accepted}), or 404. */
    public CompletableFuture<ObjectNode> submitGet(String thing, String shadow, byte[] payload) {
        return submitWithToken(
                thing,
                shadow,
                payload,
                (batch, clientToken) ->
                        ShadowResponses.get(existing(batch, thing, shadow).state(), clientToken));
    }

    /** Queues a delete; the version is remembered for 48 hours ({@code delete/accepted}), or 404. */
    public CompletableFuture<ObjectNode> submitDelete(String thing, String shadow, byte[] payload) {
        return submitWithToken(
                thing, shadow, payload, (batch, clientToken) -> delete(batch, thing, shadow, clientToken));
    }

    /** A request whose payload only carries a clientToken (get, delete): checked here, answered in its batch. */
    private CompletableFuture<ObjectNode> submitWithToken(String thing, String shadow, byte[] payload, TokenStep step) {
        @Nullable String clientToken;
        try {
            checkNames(thing, shadow);
            clientToken = UpdateRequest.clientTokenOf(payload);
        } catch (ShadowException invalid) {
            return CompletableFuture.failedFuture(invalid);
        }
        return committer.submit(thing, batch -> step.run(batch, clientToken));
    }

    @FunctionalInterface
    private interface TokenStep {
        ObjectNode run(ShadowBatch batch, @Nullable String clientToken) throws ShadowException;
    }

    /** {@link #submitUpdate}, waiting for the answer. */
    public Updated update(String thing, String shadow, byte[] payload) throws ShadowException {
        return await(submitUpdate(thing, shadow, payload));
    }

    /** {@link #submitGet}, waiting for the answer. */
    public ObjectNode get(String thing, String shadow, byte[] payload) throws ShadowException {
        return await(submitGet(thing, shadow, payload));
    }

    /** {@link #submitDelete}, waiting for the answer. */
    public ObjectNode delete(String thing, String shadow, byte[] payload) throws ShadowException {
        return await(submitDelete(thing, shadow, payload));
    }

    /** An update applied in its batch: the request and the shadow before and after it. */
    private record Applied(UpdateRequest request, ShadowState before, ShadowState after) {}

    private static Updated answers(Applied applied) {
        ShadowState after = applied.after();
        String clientToken = applied.request().clientToken();
        ObjectNode delta = ShadowEngine.delta(after.desired(), after.reported());
        return new Updated(
                ShadowResponses.accepted(applied.request(), after),
                delta == null ? null : ShadowResponses.delta(delta, after, clientToken),
                ShadowResponses.documents(applied.before(), after, clientToken));
    }

    private Applied update(ShadowBatch batch, String thing, String shadow, UpdateRequest request)
            throws ShadowException {
        long now = clock.instant().getEpochSecond();
        Optional<ShadowStore.Stored> stored = batch.find(thing, shadow);
        @Nullable ShadowState current = stored.filter(s -> s.deletedAt() == null)
                .map(ShadowStore.Stored::state)
                .orElse(null);
        long lastVersion = stored.filter(s -> s.deletedAt() != null && now - s.deletedAt() < VERSION_MEMORY.toSeconds())
                .map(s -> s.state().version())
                .orElse(0L);
        ShadowState after = ShadowEngine.apply(current, lastVersion, request, now);
        ShadowState before = current == null ? ShadowState.empty(lastVersion) : current;
        batch.save(thing, shadow, after);
        return new Applied(request, before, after);
    }

    private ObjectNode delete(ShadowBatch batch, String thing, String shadow, @Nullable String clientToken)
            throws ShadowException {
        ShadowStore.Stored deleted = existing(batch, thing, shadow);
        long now = clock.instant().getEpochSecond();
        batch.markDeleted(thing, shadow, deleted.state(), now);
        return ShadowResponses.deleted(deleted.state().version(), now, clientToken);
    }

    /** The clientToken of a request that failed, when it can still be read, for the rejected answer. */
    static @Nullable String clientTokenIfReadable(byte[] payload) {
        try {
            return UpdateRequest.clientTokenOf(payload);
        } catch (ShadowException unreadable) {
            return null;
        }
    }

    ObjectNode error(ShadowException problem, byte[] payload) {
        return ShadowResponses.error(problem, clock.instant().getEpochSecond(), clientTokenIfReadable(payload));
    }

    /** The versions kept of a shadow for diagnosis, newest first (committed ones only). */
    public List<ShadowVersion> history(String thing, String shadow) {
        return store.history(thing, shadow);
    }

    /** The names of the thing's shadows that exist; "" is the classic shadow. */
    public List<String> shadowNames(String thing) {
        return store.names(thing);
    }

    /** Every existing shadow as {thing name, shadow name}, sorted by thing then shadow; "" is the classic shadow. */
    public List<Map.Entry<String, String>> shadowKeys() {
        return store.keys().stream()
                .map(key -> Map.entry(key.thing(), key.shadow()))
                .toList();
    }

    /** A thing's shadows (classic and named) as committed, read from the store without queueing behind updates. */
    public List<ShadowSections> committedShadowsOf(String thing) {
        List<ShadowSections> shadows = new ArrayList<>();
        store.eachShadow(
                thing,
                (t, name, desired, reported, desiredMetadata, reportedMetadata, version) ->
                        shadows.add(sections(t, name, desired, reported, desiredMetadata, reportedMetadata, version)));
        return shadows;
    }

    /** Every shadow of the fleet as committed, one at a time in one read: for rebuilding an index. */
    public void eachCommittedShadow(Consumer<ShadowSections> visitor) {
        store.eachShadow(
                null,
                (t, name, desired, reported, desiredMetadata, reportedMetadata, version) -> visitor.accept(
                        sections(t, name, desired, reported, desiredMetadata, reportedMetadata, version)));
    }

    private static ShadowSections sections(
            String thing,
            String shadow,
            @Nullable ObjectNode desired,
            @Nullable ObjectNode reported,
            @Nullable ObjectNode desiredMetadata,
            @Nullable ObjectNode reportedMetadata,
            long version) {
        return new ShadowSections(
                thing,
                shadow,
                desired,
                reported,
                ShadowEngine.delta(desired, reported),
                desiredMetadata,
                reportedMetadata,
                version);
    }

    /** One thing's classic shadow at a glance, as committed; empty when it has none. */
    public Optional<ShadowSummary> classicSummary(String thing) {
        return store.find(thing, "")
                .filter(stored -> stored.deletedAt() == null)
                .map(stored -> summary(
                        stored.state().desired(),
                        stored.state().reported(),
                        stored.state().version()));
    }

    /** Every classic shadow at a glance, by thing, in one read of the store. */
    public Map<String, ShadowSummary> classicSummaries() {
        Map<String, ShadowSummary> summaries = new HashMap<>();
        store.eachClassic(
                (thing, desired, reported, version) -> summaries.put(thing, summary(desired, reported, version)));
        return summaries;
    }

    private static ShadowSummary summary(@Nullable ObjectNode desired, @Nullable ObjectNode reported, long version) {
        ObjectNode delta = ShadowEngine.delta(desired, reported);
        return new ShadowSummary(
                version,
                delta == null ? 0 : ShadowEngine.leaves(delta),
                reported == null ? UpdateRequest.JSON.createObjectNode() : reported);
    }

    /** How many versions of a shadow are kept for diagnosis. */
    public int historySize(String thing, String shadow) {
        return store.historySize(thing, shadow);
    }

    /** Commits and answers what is queued; later requests are refused with 503. */
    @Override
    public void close() {
        committer.close();
    }

    private static ShadowStore.Stored existing(ShadowBatch batch, String thing, String shadow) throws ShadowException {
        return batch.find(thing, shadow)
                .filter(stored -> stored.deletedAt() == null)
                .orElseThrow(() -> new ShadowException(
                        404, "No shadow exists with name: '" + (shadow.isEmpty() ? thing : shadow) + "'"));
    }

    private static <T> T await(CompletableFuture<T> answer) throws ShadowException {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ShadowException refused) {
                throw refused;
            }
            throw new IllegalStateException("a shadow request failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShadowException(503, "Service unavailable");
        }
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
