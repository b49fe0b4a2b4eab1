package io.fleetdeck.index;

import io.fleetdeck.api.event.FleetEvent.ConnectivityChanged;
import io.fleetdeck.api.event.FleetEvent.ShadowCommitted;
import io.fleetdeck.api.event.FleetEvent.ThingSeen;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What waits to be written to the fleet index: things to read from the store again, and patches made from events for
 * things that are not. A thing to be read is never patched as well: the read has it all. Any thread adds; the indexing
 * round takes everything at once.
 */
final class PendingChanges {

    /** One round's work: the things to read from the store, and the patches, each in the order they came. */
    record Round(Set<String> reads, Map<String, DocumentPatch> patches) {
        boolean isEmpty() {
            return reads.isEmpty() && patches.isEmpty();
        }
    }

    /** Guards both collections, which a round swaps for new ones. */
    private final Object lock = new Object();

    private Set<String> toRead = new LinkedHashSet<>();
    private Map<String, DocumentPatch> toPatch = new LinkedHashMap<>();

    /** These things changed in the store: read them again, dropping any patch, which the read makes needless. */
    void read(Collection<String> thingNames) {
        synchronized (lock) {
            toRead.addAll(thingNames);
            thingNames.forEach(toPatch::remove);
        }
    }

    void patch(ShadowCommitted committed) {
        synchronized (lock) {
            if (!toRead.contains(committed.thing())) {
                patchOf(committed.thing()).shadow(committed);
            }
        }
    }

    void patch(ConnectivityChanged changed) {
        synchronized (lock) {
            if (!toRead.contains(changed.thing())) {
                patchOf(changed.thing()).connectivity(changed);
            }
        }
    }

    void patch(ThingSeen seen) {
        synchronized (lock) {
            if (!toRead.contains(seen.thing())) {
                patchOf(seen.thing()).seen(seen);
            }
        }
    }

    /** Everything waiting, leaving nothing behind. */
    Round take() {
        synchronized (lock) {
            Round round = new Round(toRead, toPatch);
            toRead = new LinkedHashSet<>();
            toPatch = new LinkedHashMap<>();
            return round;
        }
    }

    private DocumentPatch patchOf(String thing) {
        return toPatch.computeIfAbsent(thing, name -> new DocumentPatch());
    }
}
