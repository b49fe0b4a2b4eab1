package io.fleetdeck.index;

import io.fleetdeck.api.event.FleetEvent.ConnectivityChanged;
import io.fleetdeck.api.event.FleetEvent.ShadowCommitted;
import io.fleetdeck.api.event.FleetEvent.ThingSeen;
import io.fleetdeck.api.event.ShadowSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the events since a thing was last written say about its document, when they say enough not to read the store:
 * shadows as committed (the latest per shadow), its connectivity and its last seen. Applied to the document as last written, it
 * gives the document a read of the store would give. One thread at a time (the index's).
 */
final class DocumentPatch {

    private static final String CONNECTIVITY = "connectivity.";

    private final Map<String, ShadowCommitted> shadows = new LinkedHashMap<>();
    private @Nullable ConnectivityChanged connectivity;
    private @Nullable ThingSeen seen;

    void shadow(ShadowCommitted committed) {
        shadows.put(committed.shadow(), committed);
    }

    void connectivity(ConnectivityChanged changed) {
        this.connectivity = changed;
    }

    void seen(ThingSeen heard) {
        ThingSeen before = seen;
        if (before == null || heard.at().isAfter(before.at())) {
            seen = heard;
        }
    }

    /**
     * The document with what the events say. A shadow or connectivity the written document has newer (a read of the
     * store overtook an event still on its way) is left as written.
     */
    FleetDocument applyTo(FleetDocument written) {
        List<ShadowCommitted> newer = shadows.values().stream()
                .filter(committed ->
                        committed.version() >= number(written, ShadowFields.prefix(committed.shadow()) + ".version"))
                .toList();
        ConnectivityChanged link = connectivity;
        boolean newerLink = link != null && link.at().toEpochMilli() >= number(written, "connectivity.timestamp");
        ThingSeen heard = seen;
        boolean newerSeen = heard != null && heard.at().toEpochMilli() > number(written, FleetDocument.LAST_SEEN);
        FleetDocument.Builder document = FleetDocument.builder(written.thingName())
                .copyOf(
                        written,
                        path -> !(newerLink && path.startsWith(CONNECTIVITY) && !path.equals(FleetDocument.LAST_SEEN))
                                && !(newerSeen && path.equals(FleetDocument.LAST_SEEN))
                                && !belongsToAny(path, newer));
        newer.forEach(committed -> {
            ShadowSnapshot state = committed.state();
            if (state != null) {
                ShadowFields.add(document, committed.shadow(), committed.version(), state);
            }
        });
        if (newerLink && link != null) {
            document.add("connectivity.connected", link.connected())
                    .add("connectivity.timestamp", link.at().toEpochMilli())
                    .add("connectivity.disconnectReason", link.disconnectReason());
        }
        if (newerSeen && heard != null) {
            document.add(FleetDocument.LAST_SEEN, heard.at().toEpochMilli());
        }
        return document.build();
    }

    private static boolean belongsToAny(String path, List<ShadowCommitted> shadows) {
        for (ShadowCommitted committed : shadows) {
            if (ShadowFields.belongsTo(path, committed.shadow())) {
                return true;
            }
        }
        return false;
    }

    /** The number at {@code path}, or the smallest long when the document has none there. */
    private static long number(FleetDocument document, String path) {
        return document.values(path).stream()
                .filter(Number.class::isInstance)
                .mapToLong(value -> ((Number) value).longValue())
                .findFirst()
                .orElse(Long.MIN_VALUE);
    }
}
