package io.fleetdeck.views.fleet;

import java.util.Objects;

/** A fleet query that does not run; its {@link FleetSearch.Problem} says why and where, for the query bar. */
public final class MalformedQueryException extends Exception {

    private final transient FleetSearch.Problem problem;

    public MalformedQueryException(FleetSearch.Problem problem) {
        super(Objects.requireNonNull(problem, "problem").message());
        this.problem = problem;
    }

    public FleetSearch.Problem problem() {
        return problem;
    }
}
