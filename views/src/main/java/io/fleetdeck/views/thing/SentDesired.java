package io.fleetdeck.views.thing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a desired state sent from the editor left waiting for the device: the pending leaves of the version it made,
 * each with the desired value it waits to see reported. A later version of the shadow says which still wait; the
 * "Sent" notice follows that and goes once none does. Immutable.
 *
 * @param version the shadow version the send made
 * @param waiting path to the desired value as JSON
 */
record SentDesired(String shadowName, long version, Map<String, String> waiting) {

    SentDesired {
        waiting = Map.copyOf(waiting);
    }

    /**
     * The leaves still waiting in {@code later}: pending there with the same desired value. A leaf the device
     * reported is no longer pending; one whose desired value changed since was superseded by another change.
     */
    Map<String, String> stillWaitingIn(ShadowTree later) {
        Map<String, String> pendingNow = later.pendingDesired();
        Map<String, String> still = new LinkedHashMap<>();
        waiting.forEach((path, desired) -> {
            if (desired.equals(pendingNow.get(path))) {
                still.put(path, desired);
            }
        });
        return still;
    }
}
