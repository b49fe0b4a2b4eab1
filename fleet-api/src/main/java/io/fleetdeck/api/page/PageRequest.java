package io.fleetdeck.api.page;

import org.jspecify.annotations.Nullable;

/**
 * Which page of a list to return: at most {@code maxResults} items, after the point {@code nextToken} marks (null for
 * the first page). The token is opaque: a caller passes back what the previous {@link Page} gave.
 */
public record PageRequest(int maxResults, @Nullable String nextToken) {

    /** AWS's largest page for registry lists. */
    public static final int MAX_RESULTS = 250;

    public PageRequest {
        if (maxResults < 1 || maxResults > MAX_RESULTS) {
            throw new IllegalArgumentException(
                    "maxResults must be between 1 and " + MAX_RESULTS + ", not " + maxResults);
        }
    }

    public static PageRequest first(int maxResults) {
        return new PageRequest(maxResults, null);
    }
}
