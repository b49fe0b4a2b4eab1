package io.fleetdeck.api.things;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One thing as support staff look at it: the registry entry, the certificates that speak for it, its connectivity
 * and its shadows. Immutable.
 *
 * @param thingType null when it has none
 * @param version the registry entry's version
 * @param attributes the registry attributes, sorted by name
 * @param groups the static groups it is directly in
 * @param connectivity null when the broker has never seen it
 * @param shadowNames the shadows it has, "" for the classic shadow
 */
public record ThingDetail(
        String name,
        @Nullable String thingType,
        long version,
        Map<String, String> attributes,
        List<String> groups,
        List<Certificate> certificates,
        @Nullable Connectivity connectivity,
        List<String> shadowNames) {

    public ThingDetail {
        Objects.requireNonNull(name, "name");
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        groups = List.copyOf(groups);
        certificates = List.copyOf(certificates);
        shadowNames = List.copyOf(shadowNames);
    }

    /** A certificate attached to the thing and its registry state (ACTIVE, INACTIVE, REVOKED, ...). */
    public record Certificate(String id, String status) {

        /** How many characters of the id a list shows. */
        public static final int SHORT_ID_LENGTH = 12;

        public String shortId() {
            return id.length() <= SHORT_ID_LENGTH ? id : id.substring(0, SHORT_ID_LENGTH);
        }
    }

    /**
     * The thing's last known connection state, from the broker's lifecycle events.
     *
     * @param since when it connected, or when it disconnected
     * @param disconnectReason why it last disconnected (AWS's words, e.g. CLIENT_INITIATED_DISCONNECT); null while
     *     connected
     * @param lastSeen when the broker last heard from it (its connect, a message or its disconnect), a few seconds
     *     late at most: never before {@code since}
     */
    public record Connectivity(
            boolean connected, Instant since, @Nullable String disconnectReason, Instant lastSeen) {

        public Connectivity {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(lastSeen, "lastSeen");
            // a message passed on before a reconnect is older than the connect
            lastSeen = lastSeen.isBefore(since) ? since : lastSeen;
        }

        /** Last seen as it connected or disconnected: nothing heard from it since. */
        public Connectivity(boolean connected, Instant since, @Nullable String disconnectReason) {
            this(connected, since, disconnectReason, since);
        }
    }
}
