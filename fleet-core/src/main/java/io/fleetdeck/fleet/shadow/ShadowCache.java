package io.fleetdeck.fleet.shadow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The most recently used shadows as committed, so that a device updating often costs one write and no read. Only the
 * committer's thread touches it, and it is the only writer of shadows, so the cache cannot go stale. A shadow known
 * not to exist is remembered too, so creating many shadows does not read for each.
 */
final class ShadowCache {

    private final Map<ShadowKey, Optional<ShadowStore.Stored>> recent;

    ShadowCache(int capacity) {
        this.recent = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ShadowKey, Optional<ShadowStore.Stored>> eldest) {
                return size() > capacity;
            }
        };
    }

    Optional<ShadowStore.Stored> find(ShadowKey key, Supplier<Optional<ShadowStore.Stored>> load) {
        Optional<ShadowStore.Stored> known = recent.get(key);
        if (known == null) {
            known = load.get();
            recent.put(key, known);
        }
        return known;
    }

    void putAll(Map<ShadowKey, ShadowStore.Stored> committed) {
        committed.forEach((key, stored) -> recent.put(key, Optional.of(stored)));
    }

    /** After a failed commit nothing here can be trusted to match the store. */
    void clear() {
        recent.clear();
    }
}
