package io.fleetdeck.views.fleet;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the Fleet view reads from the registry, the shadow store and the connectivity tracker, one flat row per thing;
 * the application implements it over those services. Called on the view's background thread, never the JavaFX thread.
 */
public interface FleetDirectory {

    /** Every thing in the registry, now, in any order. */
    List<ThingRow> things();

    /**
     * These things, now, in any order; a name missing from the result was deleted. Called with the names that
     * {@link #onChange} reported, a few times a second at most.
     */
    List<ThingRow> things(Collection<String> names);

    /**
     * Reports the names of things whose registry entry, shadow or connectivity changed (created and deleted ones
     * too), on any thread and as often as they change, once the fleet's search finds them as they are now (the
     * console reports what its index announces); the view collects them and reads them in batches. Closing the
     * returned handle stops the reports.
     */
    AutoCloseable onChange(Consumer<Collection<String>> changedThingNames);
}
