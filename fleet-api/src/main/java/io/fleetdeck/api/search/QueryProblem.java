package io.fleetdeck.api.search;

import io.fleetdeck.api.error.InvalidQueryException;
import java.util.Objects;

/** Why a query does not run, and where: a UTF-16 offset for the caret and the 1-based column a person counts. */
public record QueryProblem(int position, int column, String message) {

    public QueryProblem {
        Objects.requireNonNull(message, "message");
    }

    public static QueryProblem of(InvalidQueryException refusal) {
        return new QueryProblem(
                Math.max(0, refusal.position()), Math.max(1, refusal.column()), String.valueOf(refusal.getMessage()));
    }
}
