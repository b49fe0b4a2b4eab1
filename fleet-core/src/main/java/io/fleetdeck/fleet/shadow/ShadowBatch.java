package io.fleetdeck.fleet.shadow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.api.event.FleetEvent.ShadowCommitted;
import io.fleetdeck.api.event.ShadowSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shadows as one batch of operations sees them: what earlier operations in the batch wrote, else what is
 * committed (from the cache or the store). Writes are kept here until {@link #flush} puts them into the batch's
 * transaction; only after that commits does the cache learn them.
 */
final class ShadowBatch {

    private final Connection connection;
    private final ShadowStore store;
    private final ShadowCache cache;
    private final Map<ShadowKey, ShadowStore.Stored> written = new LinkedHashMap<>();
    private final Map<ShadowKey, ShadowStore.Version> versions = new LinkedHashMap<>();
    private final Map<ShadowKey, ShadowText> latestText = new LinkedHashMap<>();

    ShadowBatch(Connection connection, ShadowStore store, ShadowCache cache) {
        this.connection = connection;
        this.store = store;
        this.cache = cache;
    }

    Optional<ShadowStore.Stored> find(String thing, String shadow) {
        ShadowKey key = new ShadowKey(thing, shadow);
        ShadowStore.Stored stored = written.get(key);
        if (stored != null) {
            return Optional.of(stored);
        }
        return cache.find(key, () -> store.find(connection, thing, shadow));
    }

    void save(String thing, String shadow, ShadowState state) {
        ShadowKey key = new ShadowKey(thing, shadow);
        ShadowText text = ShadowText.of(state);
        written.put(key, new ShadowStore.Stored(state, null));
        latestText.put(key, text);
        versions.put(
                new ShadowKey(thing, shadow, state.version()),
                new ShadowStore.Version(state, text.document(state.version())));
    }

    void markDeleted(String thing, String shadow, ShadowState last, long now) {
        ShadowKey key = new ShadowKey(thing, shadow);
        written.put(key, new ShadowStore.Stored(last, now));
        latestText.remove(key);
    }

    /** Writes everything the batch changed, within its transaction. */
    void flush() throws SQLException {
        store.write(connection, written, versions, latestText);
    }

    /**
     * What this batch changed, one event per shadow in the order it was first written, each with the shadow as the
     * batch left it: made on the answering thread, so the committing thread spends nothing on it.
     */
    List<ShadowCommitted> committedShadows() {
        List<ShadowCommitted> events = new ArrayList<>(written.size());
        written.forEach((key, stored) -> events.add(new ShadowCommitted(
                key.thing(),
                key.shadow(),
                stored.state().version(),
                stored.deletedAt() == null ? snapshot(stored.state(), textOf(key, stored.state())) : null)));
        return events;
    }

    /** The text {@link #save} made already; made again only if it is somehow missing. */
    private ShadowText textOf(ShadowKey key, ShadowState state) {
        ShadowText text = latestText.get(key);
        return text != null ? text : ShadowText.of(state);
    }

    private static ShadowSnapshot snapshot(ShadowState state, ShadowText text) {
        ObjectNode delta = ShadowEngine.delta(state.desired(), state.reported());
        return new ShadowSnapshot(
                text.desired(),
                text.reported(),
                delta == null ? null : delta.toString(),
                text.desiredMetadata(),
                text.reportedMetadata(),
                delta == null ? 0 : ShadowEngine.leaves(delta));
    }

    /** Called once the transaction has committed. */
    void committed() {
        cache.putAll(written);
    }
}
