package io.fleetdeck.views.fleet;

import io.fleetdeck.api.things.ThingOverview;
import io.fleetdeck.views.common.Texts;
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
        return Texts.get("fleet.shadow", row.shadowVersion(), row.pendingDeltaFields());
    }

    static String shadowTooltip(ThingOverview row) {
        if (!row.hasShadow()) {
            return Texts.get("fleet.shadow.none");
        }
        return Texts.get("fleet.shadow.tooltip", row.shadowVersion(), row.pendingDeltaFields());
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
        return row.lastSeen() == null ? Texts.get("fleet.lastSeen.never") : TimeText.ago(row.lastSeen(), now);
    }

    static String lastSeenTooltip(ThingOverview row, Instant now, ZoneId zone) {
        if (row.lastSeen() == null) {
            return Texts.get("fleet.lastSeen.neverTooltip");
        }
        // last seen is the broker's latest word from it: its connect, a message, or its disconnect
        return Texts.get(
                row.connected() ? "fleet.lastSeen.connected" : "fleet.lastSeen.offline",
                TimeText.exact(row.lastSeen(), zone),
                TimeText.ago(row.lastSeen(), now));
    }
}
