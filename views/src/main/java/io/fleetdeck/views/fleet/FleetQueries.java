package io.fleetdeck.views.fleet;

/** Where the Fleet view model sends its queries: the feed, which answers off the JavaFX thread. */
@FunctionalInterface
public interface FleetQueries {

    /** Asks for the fleet by {@code query}; the answer comes back as a {@link FleetUpdate} carrying {@code number}. */
    void query(TableQuery query, long number);
}
