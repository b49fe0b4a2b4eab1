package io.fleetdeck.api.page;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One page of a list; {@code nextToken} asks for the next page and is null on the last one. */
public record Page<T>(List<T> items, @Nullable String nextToken) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, null);
    }

    public Optional<PageRequest> next(int maxResults) {
        return nextToken == null ? Optional.empty() : Optional.of(new PageRequest(maxResults, nextToken));
    }
}
