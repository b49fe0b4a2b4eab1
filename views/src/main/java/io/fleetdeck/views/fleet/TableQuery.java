package io.fleetdeck.views.fleet;

import io.fleetdeck.api.things.ThingOverview;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the Fleet table shows: the things a fleet index query finds ({@code search}, in the language of
 * AWS-IOT-BEHAVIOUR §3.3; blank for every thing) whose name, type, groups or firmware version contain the quick
 * filter text (case aside), in an order. The table's own state; the query itself is the index's, asked through the
 * service API.
 */
public record TableQuery(String filter, FleetOrder order, String search) {

    public static final TableQuery ALL = new TableQuery("", FleetOrder.BY_NAME);

    public TableQuery {
        filter = filter == null ? "" : filter.strip();
        search = search == null ? "" : search.strip();
        Objects.requireNonNull(order, "order");
    }

    public TableQuery(String filter, FleetOrder order) {
        this(filter, order, "");
    }

    public boolean filters() {
        return !filter.isEmpty() || searches();
    }

    /** Whether the fleet index decides which things show. */
    public boolean searches() {
        return !search.isEmpty();
    }

    /** A predicate for this query's filter, made once per pass over the fleet. */
    Matcher matcher() {
        return matcher(null);
    }

    /** A predicate for this query's filter among the things named in {@code found} (null: every thing). */
    Matcher matcher(@Nullable Set<String> found) {
        return new Matcher(filter.toLowerCase(Locale.ROOT), found);
    }

    /** Tests rows against one filter text; case-insensitive without making a lower-case copy of every field. */
    static final class Matcher {

        private final String needle;
        private final @Nullable Set<String> found;

        private Matcher(String lowerCaseNeedle, @Nullable Set<String> found) {
            this.needle = lowerCaseNeedle;
            this.found = found;
        }

        boolean matches(ThingOverview row) {
            if (found != null && !found.contains(row.name())) {
                return false;
            }
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

        private boolean contains(@Nullable String text) {
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
