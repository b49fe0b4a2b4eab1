package io.fleetdeck.views.fleet;

import java.util.Locale;
import java.util.Objects;

/**
 * What the Fleet table shows: the things whose name, type, groups or firmware version contain the filter text (case
 * aside), in an order. The full fleet query language replaces the substring filter later.
 */
public record FleetQuery(String filter, FleetOrder order) {

    public static final FleetQuery ALL = new FleetQuery("", FleetOrder.BY_NAME);

    public FleetQuery {
        filter = filter == null ? "" : filter.strip();
        Objects.requireNonNull(order, "order");
    }

    public boolean filters() {
        return !filter.isEmpty();
    }

    /** A predicate for this query's filter, made once per pass over the fleet. */
    Matcher matcher() {
        return new Matcher(filter.toLowerCase(Locale.ROOT));
    }

    /** Tests rows against one filter text; case-insensitive without making a lower-case copy of every field. */
    static final class Matcher {

        private final String needle;

        private Matcher(String lowerCaseNeedle) {
            this.needle = lowerCaseNeedle;
        }

        boolean matches(ThingRow row) {
            if (needle.isEmpty()) {
                return true;
            }
            if (contains(row.name()) || contains(row.thingType()) || contains(row.firmwareVersion())) {
                return true;
            }
            for (String group : row.groups()) {
                if (contains(group)) {
                    return true;
                }
            }
            return false;
        }

        private boolean contains(String text) {
            if (text == null || text.length() < needle.length()) {
                return false;
            }
            for (int i = 0, last = text.length() - needle.length(); i <= last; i++) {
                if (text.regionMatches(true, i, needle, 0, needle.length())) {
                    return true;
                }
            }
            return false;
        }
    }
}
