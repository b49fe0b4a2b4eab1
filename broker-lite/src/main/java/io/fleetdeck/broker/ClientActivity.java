package io.fleetdeck.broker;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each client was last heard from (its connect, its publishes), kept in memory only: one map entry per client,
 * overwritten by every message, so a device publishing every second costs no write anywhere. Whoever reports "last
 * seen" {@linkplain #takeHeard() takes} the clients heard from since it last asked, each once with its latest instant.
 * Thread-safe: recorded from any I/O thread, taken by one reader.
 */
public final class ClientActivity {

    /* the clients heard from since the last take, with the latest instant */
    private final Map<String, Long> heardSinceTaken = new ConcurrentHashMap<>();

    /** The broker heard from {@code clientId} at {@code epochMillis}. */
    public void heard(String clientId, long epochMillis) {
        heardSinceTaken.merge(clientId, epochMillis, Math::max);
    }

    /**
     * The clients heard from since the last call, each with the instant it was last heard from; they are forgotten
     * until heard from again. A client heard from while this runs is in this answer or in the next one.
     */
    public Map<String, Instant> takeHeard() {
        Map<String, Instant> heard = new HashMap<>();
        for (String clientId : heardSinceTaken.keySet()) {
            Long millis = heardSinceTaken.remove(clientId);
            if (millis != null) {
                heard.put(clientId, Instant.ofEpochMilli(millis));
            }
        }
        return heard;
    }
}
