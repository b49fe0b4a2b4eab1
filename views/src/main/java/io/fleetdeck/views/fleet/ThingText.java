package io.fleetdeck.views.fleet;

import io.fleetdeck.api.things.ThingOverview;
import io.fleetdeck.views.common.TimeText;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** How the Fleet table writes a thing's values. */
final class ThingText {

    private ThingText() {}

    /** {@code v12 · in sync}, {@code v12 · 2 fields pending} while desired ≠ reported, or a dash with no shadow. */
    static String shadow(ThingOverview row) {
        if (!row.hasShadow()) {
            return TimeText.NONE;
        }
        String version = "v" + row.shadowVersion() + " \u00b7 ";
        return row.pendingDeltaFields() == 0
                ? version + "in sync"
                : version + TimeText.count(row.pendingDeltaFields(), "field") + " pending";
    }

    static String shadowTooltip(ThingOverview row) {
        if (!row.hasShadow()) {
            return "No classic shadow";
        }
        return row.pendingDeltaFields() == 0
                ? "Classic shadow version " + row.shadowVersion() + ": reported matches desired"
                : "Classic shadow version " + row.shadowVersion() + ": "
                        + TimeText.count(row.pendingDeltaFields(), "desired field")
                        + " not reported yet (the delta the device acts on)";
    }

    static String shadowStyle(ThingOverview row) {
        if (!row.hasShadow()) {
            return "fleet-muted";
        }
        return row.pendingDeltaFields() == 0 ? "" : "fleet-pending";
    }

    static String groups(ThingOverview row) {
        return row.groups().isEmpty() ? TimeText.NONE : String.join(", ", row.groups());
    }

    static String orNone(@Nullable String text) {
        return text == null || text.isEmpty() ? TimeText.NONE : text;
    }

    /** How long ago: short, so the column stays narrow; the tooltip has the exact time. */
    static String lastSeen(ThingOverview row, Instant now) {
        return row.lastSeen() == null ? "never" : TimeText.ago(row.lastSeen(), now);
    }

    static String lastSeenTooltip(ThingOverview row, Instant now, ZoneId zone) {
        if (row.lastSeen() == null) {
            return "The broker has not seen this thing connect";
        }
        // last seen is the broker's latest word from it: its connect, a message, or its disconnect
        return (row.connected() ? "Connected; last heard from " : "Offline; last heard from ")
                + TimeText.exact(row.lastSeen(), zone) + " (" + TimeText.ago(row.lastSeen(), now) + ")";
    }
}
